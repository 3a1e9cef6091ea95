import { defineConfig } from 'vitest/config';

// Tests live in test/, mirroring src/ and codegen/. Benchmarks (scripts/) never run here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
