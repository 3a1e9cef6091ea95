/**
 * The demo's store, chosen with `--store`: `memory` (the default, the quickest),
 * `pglite` (the embedded PostgreSQL, in memory) or a `postgres://…` URL (a server; the
 * demo works in a fresh schema there and drops it at the end). The store is wrapped
 * to count the calls in flight, so the simulation can wait for database I/O before it
 * moves the clock on.
 */
import type { RandomSource } from '../../src/index.ts';
import {
  InMemoryOrionStore,
  type ConcurrencyLimit,
  type FlowRun,
  type FlowRunInit,
  type InMemoryStoreContents,
  type OrionSession,
  type OrionStore,
  type TaskRun,
  type TaskRunInit,
} from '../../src/orion/index.ts';
import type { PendingIo } from './simulation.ts';

/** What the demo needs of a store: the port, setup, and reads of committed data. */
export interface DemoStore extends OrionStore {
  addFlowRun(init?: Partial<FlowRunInit>): Promise<FlowRun>;
  addTaskRun(init: Partial<TaskRunInit> & { flowRunId: string }): Promise<TaskRun>;
  setConcurrencyLimit(tag: string, concurrencyLimit: number): Promise<ConcurrencyLimit>;
  flowRun(id: string): Promise<FlowRun | null>;
  taskRun(id: string): Promise<TaskRun | null>;
  contents(): Promise<InMemoryStoreContents>;
}

export interface OpenedDemoStore {
  store: DemoStore;
  /** `memory`, `pglite` or the server URL without its password. */
  label: string;
  /** Store calls in flight, for the simulation to wait for. */
  io: PendingIo;
  close(): Promise<void>;
}

/** Opens the store `spec` names; throws a message for the command line on a bad spec. */
export async function openDemoStore(spec: string, random: RandomSource): Promise<OpenedDemoStore> {
  if (spec === 'memory') {
    const store = new InMemoryOrionStore({ random });
    return tracked(
      {
        transaction: (work) => store.transaction(work),
        addFlowRun: (init) => store.addFlowRun(init),
        addTaskRun: (init) => store.addTaskRun(init),
        setConcurrencyLimit: (tag, limit) => store.setConcurrencyLimit(tag, limit),
        flowRun: async (id) => store.flowRun(id),
        taskRun: async (id) => store.taskRun(id),
        contents: async () => store.contents(),
      },
      'memory',
      async () => undefined,
    );
  }
  if (spec !== 'pglite' && !/^postgres(ql)?:\/\//.test(spec)) {
    throw new Error(
      `--store must be memory, pglite or a postgres:// URL, got ${JSON.stringify(spec)}.`,
    );
  }
  // Imported here: the in-memory demo never loads a database driver.
  const { openPostgresOrionStore } = await import('../../src/orion/postgres/index.ts');
  if (spec === 'pglite') {
    const store = await openPostgresOrionStore({ random, schema: 'demo' });
    return tracked(store, 'pglite', () => store.close());
  }
  const schema = `pm_demo_${process.pid}`;
  const store = await openPostgresOrionStore({ url: spec, random, schema });
  return tracked(store, spec.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@'), async () => {
    await store.client.exec(`DROP SCHEMA "${schema}" CASCADE`);
    await store.close();
  });
}

/** `store` with every call counted while in flight. */
function tracked(store: DemoStore, label: string, close: () => Promise<void>): OpenedDemoStore {
  let pending = 0;
  let waiters: (() => void)[] = [];
  const count = async <T>(call: () => T | Promise<T>): Promise<T> => {
    pending++;
    try {
      return await call();
    } finally {
      if (--pending === 0) {
        const woken = waiters;
        waiters = [];
        for (const wake of woken) wake();
      }
    }
  };
  return {
    label,
    close,
    io: {
      busy: () => pending > 0,
      idle: () =>
        pending === 0 ? Promise.resolve() : new Promise<void>((wake) => waiters.push(wake)),
    },
    store: {
      transaction: <T>(work: (session: OrionSession) => T | Promise<T>) =>
        count(() => store.transaction(work)),
      addFlowRun: (init) => count(() => store.addFlowRun(init)),
      addTaskRun: (init) => count(() => store.addTaskRun(init)),
      setConcurrencyLimit: (tag, limit) => count(() => store.setConcurrencyLimit(tag, limit)),
      flowRun: (id) => count(() => store.flowRun(id)),
      taskRun: (id) => count(() => store.taskRun(id)),
      contents: () => count(() => store.contents()),
    },
  };
}
