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
//
// The Orion suites run once per store (test/scenarios/orion/support/stores.ts): in memory with
// everything else, then on the embedded PGlite, then on the PostgreSQL server at
// PM_POSTGRES_URL when one is configured (always in CI, where a missing URL fails).
// The database projects share one database per worker across files (isolate: false),
// since starting PGlite costs seconds; each harness gets its own schema in it.
// The testing kit's Orion test bed is tested the same way.
const ORION_SUITES = ['test/scenarios/orion/*.test.ts', 'test/src/testing/orion-test-bed*.test.ts'];
// Suites about the in-memory store itself: once, in the unit project.
const IN_MEMORY_ONLY = [
  'test/scenarios/orion/async-store.test.ts',
  'test/scenarios/orion/in-memory-store-*.test.ts',
];
const withServer = Boolean(process.env['PM_POSTGRES_URL']) || process.env['CI'] === 'true';
if (!withServer) {
  console.info(
    'The Orion suites skip their PostgreSQL server run: PM_POSTGRES_URL is not set (see README, Storage).',
  );
}

// Every test file starts with the committed Orion matrices installed as the engine's
// default rule sources, as the package's entry modules do for users.
const SETUP_FILES = ['test/support/install-orion-matrices.ts'];

export default defineConfig({
  resolve: { conditions: SOURCE_FIRST },
  ssr: { resolve: { conditions: SOURCE_FIRST } },
  test: {
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: SETUP_FILES,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'orion-pglite',
          include: ORION_SUITES,
          exclude: IN_MEMORY_ONLY,
          isolate: false,
          env: { PM_ORION_STORE: 'pglite' },
        },
      },
      ...(withServer
        ? [
            {
              extends: true as const,
              test: {
                name: 'orion-postgres',
                include: ORION_SUITES,
                exclude: IN_MEMORY_ONLY,
                isolate: false,
                env: { PM_ORION_STORE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
