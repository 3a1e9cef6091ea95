/**
 * Many task runs racing for a few tag slots, their transitions interleaved (each run
 * awaits between steps; all runs go at once; every store call takes a turn of the
 * event loop, like database I/O, so transactions really overlap in time). The store's
 * transactions must keep the slot sets exactly equal to the set of RUNNING task runs,
 * within the limit, at every commit, and leave no slot held at the end.
 */
import { describe, expect, it } from 'vitest';
import {
  Completed,
  Pending,
  Running,
  seededRandom,
  SetStateStatus,
  StateType,
} from '../../../src/index.ts';
import type { OrionSession, OrionStore, TaskRun } from '../../../src/orion/index.ts';
import { orionHarness } from './support/engine.ts';

const LIMITS = { db: 3, api: 2 } as const;
const RUNS = 30;

/** Yields to the event loop (a macrotask), so other runs' transitions get in between. */
const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `session` with a turn of the event loop before every call: simulated I/O latency. */
function withLatency(session: OrionSession): OrionSession {
  return new Proxy(session, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await yieldTurn();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('tag concurrency under interleaved transitions', () => {
  it('never lets more runs hold slots than the limit, keeps holders equal to RUNNING runs, and ends with none held', async () => {
    const tasks: TaskRun[] = [];
    let commits = 0;
    const peaks: Record<string, number> = { db: 0, api: 0 };
    const h = orionHarness({
      wrapStore: (store): OrionStore => ({
        async transaction(work) {
          const result = await store.transaction((session) => work(withLatency(session)));
          // Checked after every commit, in a transaction of its own that locks the runs,
          // then the limits (the order transitions take them in), so no transition
          // commits halfway through the check.
          await store.transaction(async (session) => {
            const running = new Set<string>();
            for (const task of tasks) {
              const run = await session.readTaskRun(task.id);
              if (run?.stateType === StateType.RUNNING) running.add(task.id);
            }
            const held = await session.readConcurrencyLimits(Object.keys(LIMITS));
            for (const [tag, limit] of Object.entries(LIMITS)) {
              const holders = [...(held.find((l) => l.tag === tag)?.activeSlots ?? [])].sort();
              const expected = tasks
                .filter((task) => task.tags.includes(tag) && running.has(task.id))
                .map((task) => task.id)
                .sort();
              expect(holders, tag).toEqual(expected);
              expect(holders.length, tag).toBeLessThanOrEqual(limit);
              peaks[tag] = Math.max(peaks[tag]!, holders.length);
            }
          });
          commits++;
          return result;
        },
      }),
    });
    for (const [tag, limit] of Object.entries(LIMITS))
      await h.store.setConcurrencyLimit(tag, limit);
    const flow = await h.flowRun({ state: Running({}, h.env) });
    for (let i = 0; i < RUNS; i++) {
      const tags = i % 2 === 0 ? ['db'] : ['api', 'db'];
      tasks.push(await h.taskRun({ flowRunId: flow.id, tags, state: Pending({}, h.env) }));
    }
    const pace = seededRandom(5);
    const pause = async (): Promise<void> => {
      for (let turns = Math.floor(pace.random() * 4); turns >= 0; turns--) await yieldTurn();
    };

    const drive = async (task: TaskRun): Promise<number> => {
      let waits = 0;
      await pause();
      for (;;) {
        const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));
        if (result.status === SetStateStatus.ACCEPT) break;
        expect(result.status).toBe(SetStateStatus.WAIT);
        waits++;
        await pause();
      }
      await pause();
      expect((await h.engine.setTaskRunState(task.id, Completed({}, h.env))).status).toBe(
        SetStateStatus.ACCEPT,
      );
      return waits;
    };
    const waits = await Promise.all(tasks.map(drive));

    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(peaks).toEqual(LIMITS);
    expect(commits).toBeGreaterThan(2 * RUNS);
    expect(await h.slots('db')).toBe(0);
    expect(await h.slots('api')).toBe(0);
    for (const task of tasks)
      expect((await h.read('task', task.id)).stateType).toBe(StateType.COMPLETED);
  });
});
