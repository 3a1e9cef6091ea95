/**
 * Malformed inputs, on every store (this suite runs once per store: in memory, PGlite,
 * a server): each is refused with the same error class, code, field and message, and
 * nothing of it is committed: the runs, their states, artifacts, cache entries and the
 * slots of the concurrency limits are exactly as before. Proposals are refused before
 * the engine opens a transaction. The last block pins the values at the edges, which
 * every store accepts and reads back unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Completed, Pending, Running, Scheduled, type State } from '../../../src/index.ts';
import {
  InvalidInputError,
  MAX_DATE,
  MAX_INTEGER,
  MAX_KEY_LENGTH,
  MIN_DATE,
  ObjectNotFoundError,
  type FlowRun,
  type InvalidInputCode,
  type OrionStore,
  type TaskRun,
} from '../../../src/orion/index.ts';
import { orionHarness, type OrionHarness } from './support/engine.ts';

/** A flow run RUNNING, task A RUNNING holding the one slot of tag T, task B PENDING on T. */
interface Fixture {
  h: OrionHarness;
  flow: FlowRun;
  a: TaskRun;
  b: TaskRun;
  /** How many transactions the engine has opened so far. */
  transactions: () => number;
}

async function fixture(): Promise<Fixture> {
  let transactions = 0;
  const h = orionHarness({
    wrapStore: (store): OrionStore => ({
      transaction: (work) => {
        transactions++;
        return store.transaction(work);
      },
    }),
  });
  await h.store.setConcurrencyLimit('T', 1);
  const flow = await h.flowRun({ state: Running({}, h.env) });
  const a = await h.taskRun({ flowRunId: flow.id, tags: ['T'], state: Pending({}, h.env) });
  await h.engine.setTaskRunState(a.id, Running({}, h.env));
  const b = await h.taskRun({ flowRunId: flow.id, tags: ['T'], state: Pending({}, h.env) });
  return { h, flow, a, b, transactions: () => transactions };
}

/** A valid state of `make`, with `change` applied on top (fields may be set to anything). */
function shaped(make: (init: object) => State, change: Record<string, unknown>): State {
  return Object.assign(make({}), change);
}
function withDetails(make: (init: object) => State, details: Record<string, unknown>): State {
  const state = make({});
  Object.assign(state.stateDetails, details);
  return state;
}

/** A string of `n` CJK characters (3 bytes each in UTF-8) that PostgreSQL cannot compress away. */
function noise(n: number): string {
  let x = 1;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 48271) % 2147483647;
    out += String.fromCharCode(0x4e00 + (x % 20000));
  }
  return out;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const cycle: Record<string, unknown> = { name: 'loop' };
cycle['self'] = { back: cycle };

interface Case {
  input: string;
  act: (f: Fixture) => unknown;
  error?: typeof InvalidInputError | typeof ObjectNotFoundError;
  code?: InvalidInputCode;
  path?: string;
  message: string;
}

const propose = (f: Fixture, state: unknown) => f.h.engine.setTaskRunState(f.a.id, state as State);
const complete = (f: Fixture, data: unknown) =>
  f.h.engine.setFlowRunState(f.flow.id, Completed({ data }, f.h.env));

const PROPOSALS: Case[] = [
  {
    input: 'a proposal that is a string',
    act: (f) => propose(f, 'RUNNING'),
    code: 'wrong-type',
    path: 'state',
    message: 'state must be a state object (createState(), Running(), …) or null, got "RUNNING".',
  },
  {
    input: 'a proposal that is undefined',
    act: (f) => propose(f, undefined),
    code: 'wrong-type',
    path: 'state',
    message: 'state must be a state object (createState(), Running(), …) or null, got undefined.',
  },
  {
    input: 'a proposal that is an array',
    act: (f) => propose(f, [Running()]),
    code: 'wrong-type',
    path: 'state',
    message: 'state must be a state object (createState(), Running(), …) or null, got an array.',
  },
  {
    input: 'an empty state type',
    act: (f) => propose(f, shaped(Running, { type: '' })),
    code: 'wrong-type',
    path: 'state.type',
    message: 'state.type must be a non-empty string, got "".',
  },
  {
    input: 'a state name that is a number',
    act: (f) => propose(f, shaped(Running, { name: 7 })),
    code: 'wrong-type',
    path: 'state.name',
    message: 'state.name must be a string, got 7.',
  },
  {
    input: 'a NUL character in a state message',
    act: (f) => propose(f, shaped(Running, { message: 'a\0b' })),
    code: 'invalid-text',
    path: 'state.message',
    message:
      'state.message holds a NUL character (U+0000) at index 1, which PostgreSQL cannot store in text or JSON, got "a\\u0000b": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'a lone surrogate in a state name',
    act: (f) => propose(f, shaped(Running, { name: 'Run\uD800' })),
    code: 'invalid-text',
    path: 'state.name',
    message:
      'state.name holds a lone surrogate (U+D800, half of a UTF-16 pair) at index 3, which PostgreSQL cannot store in text or JSON, got "Run\\ud800": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'a state without details',
    act: (f) => propose(f, shaped(Running, { stateDetails: undefined })),
    code: 'wrong-type',
    path: 'state.stateDetails',
    message:
      'state.stateDetails must be an object with every field of StateDetails (createStateDetails() fills the defaults), got undefined.',
  },
  {
    input: 'a scheduled time given as a string',
    act: (f) => propose(f, withDetails(Scheduled, { scheduledTime: '2023-02-01T12:00:00Z' })),
    code: 'wrong-type',
    path: 'state.stateDetails.scheduledTime',
    message:
      'state.stateDetails.scheduledTime must be a Date or null, got "2023-02-01T12:00:00Z": pass new Date("2023-02-01T12:00:00Z").',
  },
  {
    input: 'a NaN scheduled time (Invalid Date)',
    act: (f) => propose(f, withDetails(Scheduled, { scheduledTime: new Date(NaN) })),
    code: 'out-of-range',
    path: 'state.stateDetails.scheduledTime',
    message:
      'state.stateDetails.scheduledTime must be a valid Date from 1000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, got an Invalid Date.',
  },
  {
    input: 'an Infinity scheduled time',
    act: (f) => propose(f, withDetails(Scheduled, { scheduledTime: new Date(Infinity) })),
    code: 'out-of-range',
    path: 'state.stateDetails.scheduledTime',
    message:
      'state.stateDetails.scheduledTime must be a valid Date from 1000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, got an Invalid Date.',
  },
  {
    input: 'a scheduled time in year 99',
    act: (f) =>
      propose(f, withDetails(Scheduled, { scheduledTime: new Date('0099-06-01T00:00:00Z') })),
    code: 'out-of-range',
    path: 'state.stateDetails.scheduledTime',
    message:
      'state.stateDetails.scheduledTime must be a valid Date from 1000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, got a Date (0099-06-01T00:00:00.000Z).',
  },
  {
    input: 'a cache expiration after year 9999',
    act: (f) =>
      propose(f, withDetails(Completed, { cacheExpiration: new Date('+010000-01-01T00:00:00Z') })),
    code: 'out-of-range',
    path: 'state.stateDetails.cacheExpiration',
    message:
      'state.stateDetails.cacheExpiration must be a valid Date from 1000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, got a Date (+010000-01-01T00:00:00.000Z).',
  },
  {
    input: 'a cache key longer than a key may be',
    act: (f) => propose(f, withDetails(Completed, { cacheKey: noise(MAX_KEY_LENGTH + 1) })),
    code: 'too-long',
    path: 'state.stateDetails.cacheKey',
    message:
      'state.stateDetails.cacheKey must be at most 500 characters long (ids, tags and cache keys are indexed, and an index entry has a size limit), got "湏撢蠦偽煑譃噱蹹栣儿坃渏瀫禍谩蘃遉汲沏嘯坄鄡軄巷疙軴閚菔萳跛沅垔撛巾韸犗鮤逭憣瀁"… (501 characters).',
  },
  {
    input: 'a flag that is a string',
    act: (f) => propose(f, withDetails(Completed, { untrackableResult: 'yes' })),
    code: 'wrong-type',
    path: 'state.stateDetails.untrackableResult',
    message: 'state.stateDetails.untrackableResult must be a boolean, got "yes".',
  },
  {
    input: 'a BigInt in state data',
    act: (f) => complete(f, { n: 10n }),
    code: 'unstorable-data',
    path: 'state.data.n',
    message:
      'state.data.n is a BigInt (10n), which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); convert it to a number or a string first.',
  },
  {
    input: 'state data with a cycle',
    act: (f) => complete(f, cycle),
    code: 'unstorable-data',
    path: 'state.data.self.back',
    message:
      'state.data.self.back is an object, which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); it contains itself (a cycle), which JSON cannot hold.',
  },
  {
    input: 'a function as state data',
    act: (f) => complete(f, () => 1),
    code: 'unstorable-data',
    path: 'state.data',
    message:
      'state.data is a function, which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); remove it.',
  },
  {
    input: 'a symbol inside state data',
    act: (f) => complete(f, { list: [1, Symbol('s')] }),
    code: 'unstorable-data',
    path: 'state.data.list[1]',
    message:
      'state.data.list[1] is a symbol (s), which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); remove it.',
  },
  {
    input: 'NaN in state data',
    act: (f) => complete(f, { ratio: NaN }),
    code: 'unstorable-data',
    path: 'state.data.ratio',
    message:
      'state.data.ratio is NaN, which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); JSON has no NaN, a store would keep null instead.',
  },
  {
    input: 'Infinity in state data',
    act: (f) => complete(f, [{ 'max value': Infinity }]),
    code: 'unstorable-data',
    path: 'state.data[0]["max value"]',
    message:
      'state.data[0]["max value"] is Infinity, which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); JSON has no Infinity, a store would keep null instead.',
  },
  {
    input: 'undefined in an array of state data',
    act: (f) => complete(f, [1, undefined]),
    code: 'unstorable-data',
    path: 'state.data[1]',
    message:
      'state.data[1] is undefined, which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); JSON keeps undefined in an array as null: use null.',
  },
  {
    input: 'a Date in state data',
    act: (f) => complete(f, { at: new Date('2023-02-01T12:00:00Z') }),
    code: 'unstorable-data',
    path: 'state.data.at',
    message:
      'state.data.at is a Date (2023-02-01T12:00:00.000Z), which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); JSON would not keep it as it is: store date.toISOString() instead.',
  },
  {
    input: 'a Map as state data',
    act: (f) => complete(f, new Map([['k', 1]])),
    code: 'unstorable-data',
    path: 'state.data',
    message:
      'state.data is a Map, which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); JSON would not keep it as it is: convert it to a plain object or array first.',
  },
  {
    input: 'a NUL character in a string of state data',
    act: (f) => complete(f, { text: 'a\0b' }),
    code: 'invalid-text',
    path: 'state.data.text',
    message:
      'state.data.text holds a NUL character (U+0000) at index 1, which PostgreSQL cannot store in text or JSON, got "a\\u0000b": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'a lone surrogate in a key of state data',
    act: (f) => complete(f, { '\uDC00': 1 }),
    code: 'invalid-text',
    path: 'state.data["\\udc00"] (a key)',
    message:
      'state.data["\\udc00"] (a key) holds a lone surrogate (U+DC00, half of a UTF-16 pair) at index 0, which PostgreSQL cannot store in text or JSON, got "\\udc00": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'state data nested deeper than 1000 levels',
    act: (f) => complete(f, nested(1001)),
    code: 'unstorable-data',
    path: `state.data${'[0]'.repeat(1000)}`,
    message: `state.data${'[0]'.repeat(36)}… is an array, which no store can keep: state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects); it is nested more than 1000 levels deep.`,
  },
  {
    input: 'a run id that is a number',
    act: (f) => f.h.engine.setFlowRunState(42 as never, Running()),
    code: 'wrong-type',
    path: 'flowRunId',
    message: 'flowRunId must be a string, got 42.',
  },
  {
    input: 'a run id with a NUL character',
    act: (f) => f.h.engine.setTaskRunState(`${f.a.id}\0`, Running()),
    code: 'invalid-text',
    path: 'taskRunId',
    message:
      'taskRunId holds a NUL character (U+0000) at index 36, which PostgreSQL cannot store in text or JSON, got "d9cc8066-89bb-444c-947c-983287cf358f\\u0000": remove it, or encode the value (e.g. base64) first.',
  },
];

const SETUP: Case[] = [
  {
    input: 'a concurrency limit of 2^31',
    act: (f) => f.h.store.setConcurrencyLimit('T', 2 ** 31),
    code: 'out-of-range',
    path: 'concurrencyLimit',
    message: 'concurrencyLimit must be an integer from 0 to 2147483647, got 2147483648.',
  },
  {
    input: 'a negative concurrency limit',
    act: (f) => f.h.store.setConcurrencyLimit('T', -1),
    code: 'out-of-range',
    path: 'concurrencyLimit',
    message: 'concurrencyLimit must be an integer from 0 to 2147483647, got -1.',
  },
  {
    input: 'a concurrency limit of NaN',
    act: (f) => f.h.store.setConcurrencyLimit('T', NaN),
    code: 'out-of-range',
    path: 'concurrencyLimit',
    message: 'concurrencyLimit must be an integer from 0 to 2147483647, got NaN.',
  },
  {
    input: 'a 100 kB limit tag',
    act: (f) => f.h.store.setConcurrencyLimit(noise(100_000), 1),
    code: 'too-long',
    path: 'tag',
    message:
      'tag must be at most 500 characters long (ids, tags and cache keys are indexed, and an index entry has a size limit), got "湏撢蠦偽煑譃噱蹹栣儿坃渏瀫禍谩蘃遉汲沏嘯坄鄡軄巷疙軴閚菔萳跛沅垔撛巾韸犗鮤逭憣瀁"… (100000 characters).',
  },
  {
    input: 'a NUL character in a limit tag',
    act: (f) => f.h.store.setConcurrencyLimit('T\0', 1),
    code: 'invalid-text',
    path: 'tag',
    message:
      'tag holds a NUL character (U+0000) at index 1, which PostgreSQL cannot store in text or JSON, got "T\\u0000": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'active slots given as a string',
    act: (f) => f.h.store.setConcurrencyLimit('T', 2, 'abc' as never),
    code: 'wrong-type',
    path: 'activeSlots',
    message: 'activeSlots must be an array of task run ids, got "abc".',
  },
  {
    input: 'a task run of an unknown flow run',
    act: (f) => f.h.store.addTaskRun({ id: 'orphan', flowRunId: 'no-such-flow' }),
    error: ObjectNotFoundError,
    message:
      'Cannot add task run orphan: its flow run no-such-flow was not found. Add the flow run first (addFlowRun).',
  },
  {
    input: 'a task run without a flow run id',
    act: (f) => f.h.store.addTaskRun({} as never),
    code: 'wrong-type',
    path: 'taskRun.flowRunId',
    message: 'taskRun.flowRunId must be a string, got undefined.',
  },
  {
    input: 'retries: Infinity',
    act: (f) =>
      f.h.store.addTaskRun({ flowRunId: f.flow.id, empiricalPolicy: { retries: Infinity } }),
    code: 'out-of-range',
    path: 'taskRun.empiricalPolicy.retries',
    message:
      'taskRun.empiricalPolicy.retries must be an integer from 0 to 2147483647, got Infinity.',
  },
  {
    input: 'retries: 1.5',
    act: (f) => f.h.store.addFlowRun({ empiricalPolicy: { retries: 1.5 } }),
    code: 'out-of-range',
    path: 'flowRun.empiricalPolicy.retries',
    message: 'flowRun.empiricalPolicy.retries must be an integer from 0 to 2147483647, got 1.5.',
  },
  {
    input: 'NaN in a retry delay list',
    act: (f) =>
      f.h.store.addTaskRun({ flowRunId: f.flow.id, empiricalPolicy: { retryDelay: [1, NaN] } }),
    code: 'out-of-range',
    path: 'taskRun.empiricalPolicy.retryDelay[1]',
    message:
      'taskRun.empiricalPolicy.retryDelay[1] must be a finite number from 0 to 1000000000, got NaN.',
  },
  {
    input: 'an Infinity jitter factor',
    act: (f) =>
      f.h.store.addTaskRun({
        flowRunId: f.flow.id,
        empiricalPolicy: { retryDelay: 5, retryJitterFactor: Infinity },
      }),
    code: 'out-of-range',
    path: 'taskRun.empiricalPolicy.retryJitterFactor',
    message:
      'taskRun.empiricalPolicy.retryJitterFactor must be a finite number from 0 to 10, got Infinity.',
  },
  {
    input: 'pause keys given as a string',
    act: (f) => f.h.store.addFlowRun({ empiricalPolicy: { pauseKeys: 'abc' } }),
    code: 'wrong-type',
    path: 'flowRun.empiricalPolicy.pauseKeys',
    message: 'flowRun.empiricalPolicy.pauseKeys must be an array or a Set of strings, got "abc".',
  },
  {
    input: 'tags given as a string',
    act: (f) => f.h.store.addTaskRun({ flowRunId: f.flow.id, tags: 'abc' as never }),
    code: 'wrong-type',
    path: 'taskRun.tags',
    message: 'taskRun.tags must be an array of strings, got "abc": pass ["abc"] for one tag.',
  },
  {
    input: 'a tag that is a number',
    act: (f) => f.h.store.addFlowRun({ tags: ['ok', 42 as never] }),
    code: 'wrong-type',
    path: 'flowRun.tags[1]',
    message: 'flowRun.tags[1] must be a string, got 42.',
  },
  {
    input: 'a NUL character in a tag',
    act: (f) => f.h.store.addFlowRun({ tags: ['a\0b'] }),
    code: 'invalid-text',
    path: 'flowRun.tags[0]',
    message:
      'flowRun.tags[0] holds a NUL character (U+0000) at index 1, which PostgreSQL cannot store in text or JSON, got "a\\u0000b": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'a lone surrogate in a tag',
    act: (f) => f.h.store.addTaskRun({ flowRunId: f.flow.id, tags: ['\uD800x'] }),
    code: 'invalid-text',
    path: 'taskRun.tags[0]',
    message:
      'taskRun.tags[0] holds a lone surrogate (U+D800, half of a UTF-16 pair) at index 0, which PostgreSQL cannot store in text or JSON, got "\\ud800x": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'a 100 kB tag on a run',
    act: (f) => f.h.store.addTaskRun({ flowRunId: f.flow.id, tags: [noise(100_000)] }),
    code: 'too-long',
    path: 'taskRun.tags[0]',
    message:
      'taskRun.tags[0] must be at most 500 characters long (ids, tags and cache keys are indexed, and an index entry has a size limit), got "湏撢蠦偽煑譃噱蹹栣儿坃渏瀫禍谩蘃遉汲沏嘯坄鄡軄巷疙軴閚菔萳跛沅垔撛巾韸犗鮤逭憣瀁"… (100000 characters).',
  },
  {
    input: 'a 100 kB run id',
    act: (f) => f.h.store.addFlowRun({ id: noise(100_000) }),
    code: 'too-long',
    path: 'flowRun.id',
    message:
      'flowRun.id must be at most 500 characters long (ids, tags and cache keys are indexed, and an index entry has a size limit), got "湏撢蠦偽煑譃噱蹹栣儿坃渏瀫禍谩蘃遉汲沏嘯坄鄡軄巷疙軴閚菔萳跛沅垔撛巾韸犗鮤逭憣瀁"… (100000 characters).',
  },
  {
    input: 'a NaN date column',
    act: (f) => f.h.store.addFlowRun({ startTime: new Date(NaN) }),
    code: 'out-of-range',
    path: 'flowRun.startTime',
    message:
      'flowRun.startTime must be a valid Date from 1000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, got an Invalid Date.',
  },
  {
    input: 'a date column given as a string',
    act: (f) =>
      f.h.store.addTaskRun({ flowRunId: f.flow.id, cacheExpiration: '2024-01-01' as never }),
    code: 'wrong-type',
    path: 'taskRun.cacheExpiration',
    message:
      'taskRun.cacheExpiration must be a Date or null, got "2024-01-01": pass new Date("2024-01-01").',
  },
  {
    input: 'a run count of 2^31',
    act: (f) => f.h.store.addFlowRun({ runCount: 2 ** 31 }),
    code: 'out-of-range',
    path: 'flowRun.runCount',
    message: 'flowRun.runCount must be an integer from 0 to 2147483647, got 2147483648.',
  },
  {
    input: 'an Infinity total run time',
    act: (f) => f.h.store.addFlowRun({ totalRunTime: Infinity }),
    code: 'out-of-range',
    path: 'flowRun.totalRunTime',
    message:
      'flowRun.totalRunTime must be a finite number from 0 to 1.7976931348623157e+308, got Infinity.',
  },
  {
    input: 'a read of a run whose id holds a NUL character',
    act: (f) => f.h.store.flowRun('a\0b'),
    code: 'invalid-text',
    path: 'id',
    message:
      'id holds a NUL character (U+0000) at index 1, which PostgreSQL cannot store in text or JSON, got "a\\u0000b": remove it, or encode the value (e.g. base64) first.',
  },
  {
    input: 'a state history of an unknown kind of run',
    act: (f) => f.h.store.stateHistory('job' as never, f.flow.id),
    code: 'wrong-type',
    path: 'kind',
    message: 'kind must be "flow" or "task", got "job".',
  },
];

describe('malformed inputs, refused the same way by every store', () => {
  let f: Fixture;
  /** Every committed row once the fixture is built: each refusal must leave all of it as it is. */
  let committed: unknown;
  beforeAll(async () => {
    f = await fixture();
    committed = await f.h.store.contents();
  });

  async function refuses(c: Case): Promise<void> {
    const transactions = f.transactions();
    const error: unknown = await Promise.resolve()
      .then(() => c.act(f))
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(c.error ?? InvalidInputError);
    const e = error as InvalidInputError;
    expect(e.message).toBe(c.message);
    if (c.code !== undefined) {
      expect(error).toBeInstanceOf(TypeError);
      expect({ code: e.code, path: e.path }).toEqual({ code: c.code, path: c.path });
    }
    expect(await f.h.store.contents()).toEqual(committed);
    expect(f.transactions()).toBe(transactions);
  }

  describe('proposals, refused before the engine opens a transaction', () => {
    for (const c of PROPOSALS) it(`refuses ${c.input}`, () => refuses(c));
  });

  describe('runs and limits, refused by the setup API and reads', () => {
    for (const c of SETUP) it(`refuses ${c.input}`, () => refuses(c));
  });

  it('still orchestrates the fixture afterwards: task A completes and frees the slot B then takes', async () => {
    const done = await f.h.engine.setTaskRunState(
      f.a.id,
      Completed({ data: { rows: 3 } }, f.h.env),
    );
    expect(done.status).toBe('ACCEPT');
    const started = await f.h.engine.setTaskRunState(f.b.id, Running({}, f.h.env));
    expect(started.status).toBe('ACCEPT');
    expect((await f.h.store.concurrencyLimit('T'))?.activeSlots).toEqual([f.b.id]);
  });
});

describe('values at the edges, accepted by every store and read back unchanged', () => {
  it('keeps a limit of 2^31 - 1 and a tag of the longest key length', async () => {
    const h = orionHarness();
    const tag = noise(MAX_KEY_LENGTH);
    const limit = await h.store.setConcurrencyLimit(tag, MAX_INTEGER);
    expect(limit).toEqual({ tag, concurrencyLimit: MAX_INTEGER, activeSlots: [] });
    expect(await h.store.concurrencyLimit(tag)).toEqual(limit);
  });

  it('keeps the earliest and latest dates, astral characters in tags, and integer retries', async () => {
    const h = orionHarness();
    const flow = await h.store.addFlowRun({
      startTime: MIN_DATE,
      endTime: MAX_DATE,
      tags: ['🚀 launch', '漢字'],
      empiricalPolicy: { retries: MAX_INTEGER, retryDelay: 0.5 },
    });
    expect(await h.store.flowRun(flow.id)).toEqual(flow);
    expect(flow.startTime).toEqual(MIN_DATE);
    expect(flow.endTime).toEqual(MAX_DATE);
  });

  it('keeps JSON data whole: nested 1000 deep, astral characters, shared (not cyclic) references, an undefined property dropped', async () => {
    const h = orionHarness();
    const flow = await h.flowRun({ state: Running({}, h.env) });
    const shared = { n: 1 };
    const data = { deep: nested(999), text: '🚀 \u00e9', twice: [shared, shared], gone: undefined };
    const result = await h.engine.setFlowRunState(flow.id, Completed({ data }, h.env));
    expect(result.status).toBe('ACCEPT');
    const history = await h.store.stateHistory('flow', flow.id);
    expect(history.at(-1)?.data).toEqual({
      deep: nested(999),
      text: '🚀 \u00e9',
      twice: [{ n: 1 }, { n: 1 }],
    });
  });
});
