/**
 * `npm run demo`: drives a few hundred flow runs and their task runs through the Orion
 * engine (generated matrices, in-memory store) in simulated time: retries, cache hits,
 * concurrency waits, pauses and resumes, cancellations, subflows. Deterministic (a
 * manual clock and seeded random sources), a progress bar on stderr, and a summary on
 * stdout: responses per run kind, final states, state names written, and how often
 * each rule fired.
 *
 * Options: --flows <n> (default 300), --seed <n> (default 1), --store memory|pglite|
 * postgres://… (default memory, the quickest; pglite is the embedded PostgreSQL, a URL
 * a server, where the demo works in a schema of its own and drops it at the end).
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/index.ts';
import { OrionEngine } from '../src/orion/index.ts';
import { runFlow, type DemoWorld } from './demo/agents.ts';
import { openDemoStore, type OpenedDemoStore } from './demo/demo-store.ts';
import { DemoSummary } from './demo/demo-summary.ts';
import { ProgressBar } from './demo/progress-bar.ts';
import { DEMO_RULE_SOURCES, DEMO_RULE_SOURCES_LABEL } from './demo/rule-sources.ts';
import { sequentialIds } from './demo/sequential-ids.ts';
import { Simulation } from './demo/simulation.ts';
import { planWorkload } from './demo/workload.ts';

const { values } = parseArgs({
  options: {
    flows: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    store: { type: 'string', default: 'memory' },
  },
});
const flows = Number(values.flows);
const seed = Number(values.seed);
if (!Number.isInteger(flows) || flows < 1 || !Number.isInteger(seed)) {
  process.stderr.write(
    `demo: --flows must be a positive integer and --seed an integer (got ${values.flows}, ${values.seed}).\n`,
  );
  process.exit(2);
}

const START = new Date('2023-02-01T08:00:00.000Z');
const sim = new Simulation(START);
const summary = new DemoSummary();
let opened: OpenedDemoStore;
try {
  opened = await openDemoStore(values.store, sequentialIds(seed * 3 + 1, 1));
} catch (error) {
  process.stderr.write(`demo: ${(error as Error).message}\n`);
  process.exit(2);
}
const { store } = opened;
const engine = new OrionEngine({
  store,
  clock: sim.clock,
  random: sequentialIds(seed * 3 + 2, 2),
  policies: DEMO_RULE_SOURCES,
  onTransition: summary.record,
});
for (const [tag, limit] of [
  ['db', 6],
  ['gpu', 2],
  ['frozen', 0],
] as const)
  await store.setConcurrencyLimit(tag, limit);
const world: DemoWorld = { engine, store, sim, outcomes: seededRandom(seed * 3 + 3) };

const plans = planWorkload(seededRandom(seed), flows);
const progress = new ProgressBar('flow runs', plans.length);
let finished = 0;
const began = performance.now();
const agents = plans.map((plan) => runFlow(world, plan).then(() => void finished++));
await sim.run(() => progress.update(finished, `· ${summary.transitions} transitions`), opened.io);
await Promise.all(agents);
progress.update(finished, `· ${summary.transitions} transitions`);
progress.finish();
const elapsedMs = performance.now() - began;

const contents = await store.contents();
await opened.close();
const { flowRuns, taskRuns } = contents;
const simulated = (sim.clock.now().getTime() - START.getTime()) / 1000;
const lines = [
  `policy-matrix demo · rule sources: ${DEMO_RULE_SOURCES_LABEL} · store: ${opened.label} · seed ${seed}`,
  `${flowRuns.length} flow runs (${plans.length} top-level), ${taskRuns.length} task runs, ` +
    `${summary.transitions} transitions in ${formatDuration(simulated)} of simulated time; ` +
    `${elapsedMs.toFixed(0)} ms wall (${Math.round(summary.transitions / (elapsedMs / 1000))} transitions/s)`,
  '',
  'Responses',
  summary.statusTable(),
  '',
  'Final states',
  summary.finalStateTable(contents),
  '',
  summary.stateNameTable(contents),
  '',
  'Rule firings',
  summary.ruleTable(),
];
process.stdout.write(`${lines.join('\n')}\n`);

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}h${String(m).padStart(2, '0')}m`;
}
