import { defineConfig } from 'vitest/config';

// Tests live in test/, mirroring src/ and codegen/. Benchmarks (scripts/) never run here.
// Threads start faster than forked processes, and two workers keep both cores busy
// while the compiler tests wait on their child processes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
