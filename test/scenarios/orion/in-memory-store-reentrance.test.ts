/**
 * InMemoryOrionStore refuses a transaction or setup call started from inside one of
 * its own open transactions in the same async flow (which used to wait forever), while
 * transactions from independent flows still queue and run one at a time.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  OrchestrationRule,
  Pending,
  Running,
  SetStateStatus,
  type StateSet,
} from '../../../src/index.ts';
import {
  InMemoryOrionStore,
  type OrionContext,
  type OrionSession,
} from '../../../src/orion/index.ts';
import { OrionTestBed } from '../../../src/testing/index.ts';
import { policyOf } from './support/test-rules.ts';

const message = (method: string): string =>
  `InMemoryOrionStore.${method}() was called from inside an open transaction of the same ` +
  'store, in the same async flow. Transactions run one at a time, so this call would wait ' +
  'for that transaction to end while the transaction waits for this call, forever. Use the ' +
  "session the open transaction hands out instead (a rule's context.session, the testing " +
  "kit's tx.session and tx.insertFlowRun/insertTaskRun), or make the call after the " +
  'transaction has committed or rolled back.';

describe('InMemoryOrionStore re-entrance', () => {
  it('rejects a transaction opened inside a transaction, and rolls the outer one back when it propagates', async () => {
    const store = new InMemoryOrionStore();
    await expect(
      store.transaction(async () => {
        await store.addFlowRun({ id: 'inner' });
      }),
    ).rejects.toThrow(message('addFlowRun'));
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(
      message('transaction'),
    );
    expect(store.flowRun('inner')).toBeNull();
  });

  it('names each setup method in its message', async () => {
    const store = new InMemoryOrionStore();
    await store.transaction(async () => {
      await expect(store.addTaskRun({ flowRunId: 'f' })).rejects.toThrow(message('addTaskRun'));
      await expect(store.setConcurrencyLimit('t', 1)).rejects.toThrow(
        message('setConcurrencyLimit'),
      );
      await expect(store.deleteConcurrencyLimit('t')).rejects.toThrow(
        message('deleteConcurrencyLimit'),
      );
    });
  });

  it('rejects a store call from a rule hook during an engine transition, instead of hanging', async () => {
    const store = new InMemoryOrionStore();
    const bed = new OrionTestBed({ store });
    class AddsARun extends OrchestrationRule<OrionContext> {
      static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      override async beforeTransition(): Promise<void> {
        await store.addFlowRun();
      }
    }
    const run = await bed.flowRun({ state: Pending({}, bed.env) });
    await expect(
      bed.engine.setFlowRunState(run.id, Running({}, bed.env), {
        policy: policyOf('AddsARunPolicy', [AddsARun]),
      }),
    ).rejects.toThrow(message('addFlowRun'));
    expect(store.flowRun(run.id)?.stateType).toBe('PENDING');
  });

  it('rejects a store call made by the test while a test-bed transaction is held open (the former deadlock)', async () => {
    const store = new InMemoryOrionStore();
    const bed = new OrionTestBed({ store });
    const run = await bed.flowRun({ state: Pending({}, bed.env) });
    const tx = await bed.begin();
    await tx.context('flow', run.id, Running({}, bed.env));
    // The store's own check, for a call made on it directly; calls through the bed get
    // the testing kit's message, the same on every store (test/src/testing/).
    await expect(store.addFlowRun()).rejects.toThrow(message('addFlowRun'));
    const kit = (call: string) =>
      `${call} was called while a test transaction of this OrionTestBed is open`;
    await expect(bed.flowRun()).rejects.toThrow(kit('bed.flowRun()'));
    await expect(bed.engine.setFlowRunState(run.id, Running({}, bed.env))).rejects.toThrow(
      kit('store.transaction()'),
    );
    await expect(bed.begin()).rejects.toThrow(kit('bed.begin()'));
    await tx.commit();
    // Once the transaction has ended, the same calls go through.
    await expect(store.addFlowRun({ id: 'after' })).resolves.toMatchObject({ id: 'after' });
    const result = await bed.engine.setFlowRunState(run.id, Running({}, bed.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
  });

  it('lets a store built with detectReentrantCalls: false skip the check (the call then waits, as before)', async () => {
    const store = new InMemoryOrionStore({ detectReentrantCalls: false });
    let inner: Promise<unknown> | null = null;
    await store.transaction(async () => {
      // After an await: the outer work no longer runs synchronously, so the call can
      // queue behind it (a call made before the first await throws: see SerialLock).
      await Promise.resolve();
      inner = store.addFlowRun({ id: 'queued' });
    });
    // Not awaited inside: it was queued behind the outer transaction and runs after it.
    await expect(inner).resolves.toMatchObject({ id: 'queued' });
  });

  it('still queues transactions from independent flows and runs them one at a time, in call order', async () => {
    const store = new InMemoryOrionStore();
    await store.setConcurrencyLimit('t', 1);
    const log: string[] = [];
    let active = 0;
    const work = (name: string) => async (session: OrionSession) => {
      active += 1;
      log.push(
        `${name} start (${active} active${store.flowRun('c') === null ? '' : ', c committed'})`,
      );
      const limit = (await session.readConcurrencyLimit('t'))!;
      await new Promise((resolve) => setTimeout(resolve, 5));
      limit.activeSlots.push(name);
      log.push(`${name} end`);
      active -= 1;
      return limit.activeSlots.length;
    };
    const results = await Promise.all([
      store.transaction(work('a')),
      store.transaction(work('b')),
      store.addFlowRun({ id: 'c' }).then((run) => {
        log.push(`${run.id} added`);
        return 0;
      }),
      store.transaction(work('d')),
    ]);
    expect(results).toEqual([1, 2, 0, 3]);
    // c's caller resumes a few microtasks after its transaction commits, possibly after
    // d has started; what matters is that c committed before d began.
    expect(log.filter((line) => line !== 'c added')).toEqual([
      'a start (1 active)',
      'a end',
      'b start (1 active)',
      'b end',
      'd start (1 active, c committed)',
      'd end',
    ]);
    expect(log).toContain('c added');
    expect(store.concurrencyLimit('t')?.activeSlots).toEqual(['a', 'b', 'd']);
  });
});
