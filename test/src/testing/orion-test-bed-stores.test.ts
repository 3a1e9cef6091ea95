/**
 * The test bed on every store (this file runs in memory, on PGlite and on a server, see
 * vitest.config.ts): `OrionTestBed.open` creates the store and disposing of the bed
 * leaves nothing behind; a store call from inside an open test transaction is rejected
 * with the kit's message; contexts for any run kind with their own clock and random
 * source; states forced through the engine; limits and committed contents; validation
 * without a nest; rules entered one at a time; and `withNest`, where an exit error
 * replaces the body's.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  Completed,
  ManualClock,
  OrchestrationRule,
  Pending,
  Running,
  seededRandom,
  SetStateStatus,
  StateType,
  type State,
} from '../../../src/index.ts';
import {
  commitRunState,
  ObjectNotFoundError,
  SecureTaskConcurrencySlots,
  TaskOrchestrationContext,
  type RunKind,
} from '../../../src/orion/index.ts';
import { connectNodePostgres, type SqlClient } from '../../../src/orion/postgres/index.ts';
import {
  enterNest,
  OrionTestBed,
  validateTransition,
  withNest,
} from '../../../src/testing/index.ts';
import { postgresUrl, STORE_KIND } from '../../scenarios/orion/support/stores.ts';
import { openBed } from './support/bed-store.ts';

const { COMPLETED, PENDING, RUNNING } = StateType;
const RUN_KINDS: readonly RunKind[] = ['flow', 'task'];

/** What the kit says about `call` made inside an open test transaction. */
const inside = (call: string): string =>
  `${call} was called while a test transaction of this OrionTestBed is open, in the same ` +
  'async flow. The transaction holds the store until the test ends it, so the call would ' +
  'wait for the test that waits for it, or run outside the transaction under test. Do the ' +
  'work through the transaction (tx.session, tx.insertFlowRun, tx.insertTaskRun, tx.context), ' +
  'or after tx.commit() or tx.rollback().';

/** Whether `schema` exists, asked through `client` (or a connection of its own on a server). */
async function schemaExists(client: SqlClient, schema: string): Promise<boolean> {
  const ask = async (on: SqlClient) =>
    (await on.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]))
      .length === 1;
  if (STORE_KIND !== 'postgres') return ask(client);
  const own = await connectNodePostgres({ url: postgresUrl(), max: 1 });
  try {
    return await ask(own);
  } finally {
    await own.close();
  }
}

describe('OrionTestBed.open', () => {
  it(`opens a ${STORE_KIND} store of its own and leaves nothing behind when disposed`, async () => {
    const bed = await openBed();
    const run = await bed.flowRun({ state: bed.state(PENDING) });
    expect((await bed.store.flowRun(run.id))?.stateType).toBe(PENDING);
    const database = bed.database;
    if (STORE_KIND === 'memory') {
      expect(database).toBeNull();
    } else {
      expect(database?.schema).toMatch(/^pm_test_bed_[0-9a-f]{16}$/);
      expect(await schemaExists(database!.client, database!.schema)).toBe(true);
    }

    await bed[Symbol.asyncDispose]();
    await bed.dispose(); // idempotent
    if (database !== null) expect(await schemaExists(database.client, database.schema)).toBe(false);
    await expect(bed.flowRun()).rejects.toThrow(
      'bed.flowRun() was called on an OrionTestBed that was disposed of: its store is gone. Open a new bed.',
    );
  });

  it('gives each bed a store of its own', async () => {
    await using first = await openBed();
    await using second = await openBed();
    await first.flowRun({ id: 'only-in-the-first' });
    expect(await second.store.flowRun('only-in-the-first')).toBeNull();
  });

  it('refuses a store it does not know, and a URL that is not PostgreSQL', async () => {
    await expect(OrionTestBed.open({ store: 'sqlite' as 'memory' })).rejects.toThrow(
      `OrionTestBed.open: store must be 'memory', 'pglite' or { url: 'postgres://…' }, got "sqlite".`,
    );
    await expect(OrionTestBed.open({ store: { url: 'mysql://db' } })).rejects.toThrow(
      'OrionTestBed.open: store.url must be a PostgreSQL URL such as postgres://user@localhost:5432/db, got "mysql://db".',
    );
  });
});

describe('a store call from inside an open test transaction', () => {
  it('is rejected with the kit’s message, whichever way it is made', async () => {
    await using bed = await openBed();
    const run = await bed.flowRun({ state: bed.state(PENDING) });
    const tx = await bed.begin();
    await expect(bed.store.addFlowRun()).rejects.toThrow(inside('store.addFlowRun()'));
    await expect(Promise.resolve(bed.store.flowRun(run.id))).rejects.toThrow(
      inside('store.flowRun()'),
    );
    await expect(bed.engine.setFlowRunState(run.id, Running({}, bed.env))).rejects.toThrow(
      inside('store.transaction()'),
    );
    await expect(bed.flowRun()).rejects.toThrow(inside('bed.flowRun()'));
    await expect(bed.forceState('flow', run.id, bed.state(RUNNING))).rejects.toThrow(
      inside('bed.forceState()'),
    );
    await expect(bed.concurrencyLimit('db', 1)).rejects.toThrow(inside('bed.concurrencyLimit()'));
    await expect(bed.contents()).rejects.toThrow(inside('bed.contents()'));
    await expect(bed.begin()).rejects.toThrow(inside('bed.begin()'));

    await tx.insertFlowRun({ id: 'through-the-transaction' });
    await tx.commit();
    expect(await bed.store.flowRun('through-the-transaction')).not.toBeNull();
    expect((await bed.engine.setFlowRunState(run.id, Running({}, bed.env))).status).toBe(
      SetStateStatus.ACCEPT,
    );
  });

  it('is not refused from another async flow, which waits for the transaction or runs beside it', async () => {
    await using bed = await openBed();
    let startElsewhere!: () => void;
    const elsewhere = new Promise<void>((resolve) => (startElsewhere = resolve)).then(() =>
      bed.store.addFlowRun({ id: 'from-elsewhere' }),
    );
    const tx = await bed.begin();
    startElsewhere(); // the continuation keeps the async flow it was created in
    await tx.insertFlowRun({ id: 'from-the-test' });
    await tx.commit();
    expect((await elsewhere).id).toBe('from-elsewhere');
    expect((await bed.contents()).flowRuns.map((r) => r.id).sort()).toEqual([
      'from-elsewhere',
      'from-the-test',
    ]);
  });
});

describe('OrionTestTransaction.context', () => {
  it.each(RUN_KINDS)(
    'builds a %s run context from a RunKind, with a clock and random source of its own',
    async (kind) => {
      await using bed = await openBed();
      const run =
        kind === 'flow'
          ? await bed.flowRun({ state: bed.state(PENDING) })
          : await bed.taskRun({ state: bed.state(PENDING) });
      const clock = new ManualClock('2030-01-01T00:00:00.000Z');
      const random = seededRandom(99);
      await using tx = await bed.begin();
      const context = await tx.context(kind, run.id, bed.state(RUNNING), { clock, random });
      expect(context.kind).toBe(kind);
      expect(context.run.id).toBe(run.id);
      expect(context.initialState?.type).toBe(PENDING);
      expect(context.now()).toEqual(new Date('2030-01-01T00:00:00.000Z'));
      expect(context.random).toBe(random);
    },
  );
});

describe('OrionTestBed.forceState', () => {
  it.each(RUN_KINDS)(
    'forces a %s run through the engine, with the global transforms, at the given time',
    async (kind) => {
      await using bed = await openBed();
      const run = kind === 'flow' ? await bed.flowRun() : await bed.taskRun();
      const at = new Date('2023-01-31T08:00:00.000Z');
      const running = await bed.forceState(kind, run.id, Running({}, bed.env), { at });
      expect(running).toMatchObject({ type: RUNNING, timestamp: at });
      // Minimal policy: COMPLETED → PENDING would be refused by the core policies.
      await bed.forceState(kind, run.id, Completed({}, bed.env));
      const pending = await bed.forceState(kind, run.id, Pending({}, bed.env));
      expect(pending.type).toBe(PENDING);

      const committed = await (kind === 'flow'
        ? bed.store.flowRun(run.id)
        : bed.store.taskRun(run.id));
      expect(committed).toMatchObject({ stateType: PENDING, runCount: 1, startTime: at });
      expect((await bed.store.stateHistory(kind, run.id)).map((s) => s.type)).toEqual([
        RUNNING,
        COMPLETED,
        PENDING,
      ]);
    },
  );

  it('rejects for a run that does not exist', async () => {
    await using bed = await openBed();
    await expect(bed.forceState('task', 'missing', bed.state(RUNNING))).rejects.toThrow(
      ObjectNotFoundError,
    );
  });
});

describe('limits and committed contents on the bed', () => {
  it('sets a concurrency limit, keeps its slots when it changes, and shows it in the contents', async () => {
    await using bed = await openBed();
    expect(await bed.concurrencyLimit('gpu', 2, ['task-1'])).toEqual({
      tag: 'gpu',
      concurrencyLimit: 2,
      activeSlots: ['task-1'],
    });
    await bed.concurrencyLimit('gpu', 1);
    const flow = await bed.flowRun({ id: 'flow-1', state: bed.state(RUNNING) });
    const contents = await bed.contents();
    expect(contents.concurrencyLimits).toEqual([
      { tag: 'gpu', concurrencyLimit: 1, activeSlots: ['task-1'] },
    ]);
    expect(contents.flowRuns.map((r) => r.id)).toEqual([flow.id]);
    expect(contents.states.map((row) => [row.runKind, row.runId, row.state.type])).toEqual([
      ['flow', 'flow-1', RUNNING],
    ]);
    expect(contents.taskRuns).toEqual([]);
  });
});

describe('validateTransition without a nest', () => {
  it('validates a context on its own, and turns a failed write into an ABORT', async () => {
    await using bed = await openBed();
    const run = await bed.taskRun({ state: bed.state(PENDING) });
    {
      await using tx = await bed.begin();
      const context = await tx.context('task', run.id, bed.state(RUNNING));
      await validateTransition(context, commitRunState);
      expect(context.validatedState?.type).toBe(RUNNING);
      await tx.commit();
    }
    expect((await bed.store.stateHistory('task', run.id)).map((s) => s.type)).toEqual([
      PENDING,
      RUNNING,
    ]);

    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, bed.state(COMPLETED));
    await validateTransition(context, () => {
      throw new Error('disk full');
    });
    expect(context.responseStatus).toBe(SetStateStatus.ABORT);
    expect(context.responseDetails).toEqual({
      type: 'abort_details',
      reason: 'Error validating state: Error: disk full',
    });
  });
});

describe('EnteredNest.enter', () => {
  it('enters rules one at a time, with code between two entries', async () => {
    await using bed = await openBed();
    await bed.concurrencyLimit('db', 1);
    const run = await bed.taskRun({ state: bed.state(PENDING), tags: ['db'] });
    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, bed.state(RUNNING));
    await using nest = await enterNest({ context });
    expect(nest.instances).toEqual([]);

    const secure = await nest.enter(SecureTaskConcurrencySlots);
    expect((await tx.session.readConcurrencyLimit('db'))?.activeSlots).toEqual([run.id]);
    const counted = await nest.enter(CountEntries);
    expect(counted.enteredAfter).toEqual(['SecureTaskConcurrencySlots']);
    expect(nest.instances).toEqual([secure, counted]);

    await nest.validate(commitRunState);
    await expect(nest.enter(CountEntries)).rejects.toThrow(
      'Cannot enter CountEntries: this nest was already validated. Enter every rule before validating, as orchestrate does.',
    );
    await nest.exit();
    expect(nest.result().status).toBe(SetStateStatus.ACCEPT);
    expect(secure.invalid()).toBe(false);
  });
});

describe(withNest.name, () => {
  it('returns what the body returns, once the nest has exited', async () => {
    await using bed = await openBed();
    const run = await bed.taskRun({ state: bed.state(PENDING) });
    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, bed.state(RUNNING));
    const status = await withNest({ context, rules: [CountEntries] }, async (nest) => {
      await nest.validate(commitRunState);
      return nest.result().status;
    });
    expect(status).toBe(SetStateStatus.ACCEPT);
    expect(context).toBeInstanceOf(TaskOrchestrationContext);
  });

  it('throws the error of exit instead of the body’s, as orchestrate does', async () => {
    await using bed = await openBed();
    const run = await bed.taskRun({ state: bed.state(PENDING) });
    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, bed.state(RUNNING));
    const failing = withNest({ context, rules: [FailOnExit] }, async (nest) => {
      await nest.validate(commitRunState);
      throw new Error('from the body');
    });
    await expect(failing).rejects.toThrow(new Error('from exit'));
  });

  it('throws the body’s error when exit succeeds', async () => {
    await using bed = await openBed();
    const run = await bed.taskRun({ state: bed.state(PENDING) });
    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, bed.state(RUNNING));
    await expect(
      withNest({ context, rules: [CountEntries] }, () => {
        throw new Error('from the body');
      }),
    ).rejects.toThrow(new Error('from the body'));
  });
});

/** Records which rules had already been entered when it was entered. */
class CountEntries extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
  enteredAfter: string[] = [];
  override async beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    context: TaskOrchestrationContext,
  ): Promise<void> {
    this.enteredAfter = context.ruleSignature.filter((name) => name !== 'CountEntries');
  }
}

/** Throws from its after hook, on exit. */
class FailOnExit extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
  override async afterTransition(): Promise<void> {
    throw new Error('from exit');
  }
}
