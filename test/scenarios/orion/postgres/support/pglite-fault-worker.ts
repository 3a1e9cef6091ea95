/**
 * The PGlite process the fault suite kills: opens the store in the folder PM_PGLITE_DIR,
 * creates the runs, says `{"type":"ready","pid":…}`, waits for a line on stdin, then
 * drives the fault workload, printing `{"type":"ack",runId,stateId}` for each
 * acknowledged transition, until it is killed (or done: `{"type":"done"}`).
 */
import { GENERATED_RULE_SOURCES } from '../../../../../scripts/generated-rule-sources.ts';
import { OrionEngine } from '../../../../../src/orion/index.ts';
import { openPostgresOrionStore } from '../../../../../src/orion/postgres/index.ts';
import { createFaultRuns, driveFaultRuns, newProgress } from './fault-workload.ts';

const report = (message: object): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

async function main(): Promise<void> {
  const store = await openPostgresOrionStore({ dataDir: process.env['PM_PGLITE_DIR']! });
  const engine = new OrionEngine({ store, policies: GENERATED_RULE_SOURCES });
  const ids = await createFaultRuns(store, engine, 'k', 24);
  report({ type: 'ready', pid: process.pid });
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const progress = newProgress();
  let reported = 0;
  await driveFaultRuns(engine, ids, 4, progress, () => {
    for (; reported < progress.acknowledged.length; reported++) {
      report({ type: 'ack', ...progress.acknowledged[reported] });
    }
  });
  report({ type: 'done' });
  await store.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  report({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
  process.exit(1);
});
