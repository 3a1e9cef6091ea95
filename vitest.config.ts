import { defineConfig } from 'vitest/config';

// Tests live in test/, mirroring src/ and codegen/. Benchmarks (scripts/) never run here.
// Threads start faster than forked processes, and two workers keep both cores busy
// while the compiler tests wait on their child processes.
//
// The workspace packages (`policy-matrix`, `@policy-matrix/codegen`) resolve to their
// TypeScript sources through the "@policy-matrix/source" export condition, never to a
// build in dist/: here for the modules vitest loads, and through .npmrc (every npm
// command) for the evaluation child processes the tests start. Run the tests with
// `npm test` or `npx vitest`.
const SOURCE_FIRST = ['@policy-matrix/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions: SOURCE_FIRST },
  ssr: { resolve: { conditions: SOURCE_FIRST } },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
