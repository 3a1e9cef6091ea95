/**
 * How `InMemoryOrionStore` runs transactions: synchronously when it is idle and the
 * work never waits, queued in call order behind a transaction that is waiting, and
 * never nested.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/index.ts';
import { InMemoryOrionStore } from '../../../src/orion/index.ts';

describe('InMemoryOrionStore transactions', () => {
  it('runs work that never waits synchronously, returns its result directly and commits it', async () => {
    const store = new InMemoryOrionStore({ random: seededRandom(1) });
    const run = await store.addFlowRun({ id: 'flow-1' });

    const result = store.transaction((session) => {
      const working = session.readFlowRun(run.id) as { runCount: number };
      working.runCount = 5;
      return 'done';
    });

    expect(result).toBe('done');
    expect(store.flowRun(run.id)?.runCount).toBe(5);
  });

  it('queues a transaction behind one that is waiting, and runs them in call order', async () => {
    const store = new InMemoryOrionStore({ random: seededRandom(1) });
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));

    const first = store.transaction(async () => {
      order.push('first starts');
      await gate;
      order.push('first ends');
    });
    const second = store.transaction(() => {
      order.push('second');
    });

    expect(second).toBeInstanceOf(Promise);
    expect(order).toEqual(['first starts']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });

  it('refuses a transaction opened inside another one (rejecting it, or throwing when re-entrance tracking is off), and commits nothing of the outer one', async () => {
    const store = new InMemoryOrionStore({ random: seededRandom(1) });
    const run = await store.addFlowRun({ id: 'flow-1' });

    await expect(
      store.transaction((session) => {
        (session.readFlowRun(run.id) as { runCount: number }).runCount = 5;
        return store.transaction(() => 'nested');
      }),
    ).rejects.toThrow(
      'InMemoryOrionStore.transaction() was called from inside an open transaction of the same store',
    );
    const unchecked = new InMemoryOrionStore({ detectReentrantCalls: false });
    const unwatched = await unchecked.addFlowRun({ id: 'flow-2' });
    expect(() =>
      unchecked.transaction((session) => {
        (session.readFlowRun(unwatched.id) as { runCount: number }).runCount = 5;
        return unchecked.transaction(() => 'nested');
      }),
    ).toThrow(
      'A transaction was opened inside another transaction of the same store: reuse the open session instead (nested orchestrations take it as a parameter).',
    );
    expect(unchecked.flowRun(unwatched.id)?.runCount).toBe(0);
    expect(store.flowRun(run.id)?.runCount).toBe(0);
    expect(store.transaction(() => 'after')).toBe('after');
  });
});
