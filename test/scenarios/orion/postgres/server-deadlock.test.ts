/**
 * A real deadlock on a PostgreSQL server: two transactions lock two flow runs in
 * opposite orders; the server aborts one (SQLSTATE 40P01), the store runs it again,
 * and both commit. Needs PM_POSTGRES_URL (skipped without it, except in CI).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  openPostgresOrionStore,
  type PostgresOrionStore,
} from '../../../../src/orion/postgres/index.ts';
import { serverUrl } from './support/server-url.ts';

const SERVER_URL = serverUrl('server-deadlock.test.ts');

describe.skipIf(SERVER_URL === '')(
  `transactions on a PostgreSQL server${SERVER_URL === '' ? ' (skipped: set PM_POSTGRES_URL to a server)' : ''}`,
  () => {
    let store: PostgresOrionStore | undefined;
    const schema = `pm_deadlock_${process.pid}_${Date.now().toString(36)}`;

    afterAll(async () => {
      await store?.client.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await store?.close();
    });

    it('runs a transaction the server aborted as a deadlock victim again, and both commit', async () => {
      store = await openPostgresOrionStore({ url: SERVER_URL, schema, poolSize: 4 });
      const a = await store.addFlowRun({ id: 'flow-a' });
      const b = await store.addFlowRun({ id: 'flow-b' });
      // Each transaction locks its first run, waits until both hold one, then wants the
      // other's: a lock cycle on the first attempt only.
      let holding = 0;
      const bothHold = async (): Promise<void> => {
        holding++;
        const deadline = Date.now() + 5000;
        while (holding < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      };
      const crossed = (first: string, second: string) =>
        store!.transaction(async (session) => {
          const one = await session.readFlowRun(first);
          await bothHold();
          const other = await session.readFlowRun(second);
          one!.runCount += 1;
          other!.runCount += 10;
          return 'committed';
        });
      await expect(Promise.all([crossed(a.id, b.id), crossed(b.id, a.id)])).resolves.toEqual([
        'committed',
        'committed',
      ]);
      expect(store.retries).toBeGreaterThanOrEqual(1);
      expect((await store.flowRun(a.id))?.runCount).toBe(11);
      expect((await store.flowRun(b.id))?.runCount).toBe(11);
    }, 30_000);
  },
);
