import { defineConfig } from 'vitest/config';

// Tests live in test/, mirroring src/ and codegen/. Benchmarks (scripts/) never run here.
// Threads start faster than forked processes, and two workers keep both cores busy
// while the compiler tests wait on their child processes.
//
// The workspace packages (`policy-matrix`, `@policy-matrix/codegen`) resolve to their
// TypeScript sources through the "@policy-matrix/source" export condition, which .npmrc
// sets for every npm command: run the tests with `npm test` or `npx vitest`, so that the
// evaluation child processes they start see the same sources without a build.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
