/**
 * Projects for the bench tests: a copy of the golden-basic fixture (three policies, one
 * with its own states), with or without a `bench` section in its config that builds
 * plain `OrchestrationContext`s (rules there have no hooks that need more), and the
 * tiny sampling plan the tests pass through the API so that no run takes long.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchPlan } from '../../../../codegen/bench/measure/bench-request.ts';
import { copyFixture } from '../../support/fixture-project.ts';

export const TINY_PLAN: BenchPlan = {
  lookup: { sampleMs: 0.05, warmupRounds: 1, rounds: 3 },
  transition: { sampleMs: 0.05, warmupRounds: 1, rounds: 3 },
  lookupPairs: 256,
  transitionPairs: 32,
};

// The project is a copy in .tmp/codegen-tests/<name>/: three levels below the repository.
const CONFIG_HEAD = `import { defineConfig } from '../../../codegen/index.ts';
import { createState, OrchestrationContext } from '../../../src/index.ts';
`;

const BENCH_SECTION = `
  bench: {
    // Plain contexts: a run record holding its state; pairs into "no state" never happen.
    transition(from, to) {
      if (to === null) return undefined;
      const run = { state: from === null ? null : createState(from) };
      const context = new OrchestrationContext({ run, initialState: run.state, proposedState: createState(to) });
      return { context, commit: (proposed: unknown) => proposed };
    },
  },`;

/** A copy of golden-basic; with `benchSection`, its config says how to build transitions. */
export function benchProject(benchSection: boolean): string {
  const dir = copyFixture('golden-basic');
  writeFileSync(
    path.join(dir, 'policy-matrix.config.ts'),
    `${CONFIG_HEAD}
export default defineConfig({
  modules: ['./src/index.ts'],
  runtime: '../../../src/index.ts',
  importExtension: '.ts',
  regenerateCommand: 'npm run generate',${benchSection ? BENCH_SECTION : ''}
});
`,
  );
  return dir;
}
