/**
 * Named state factories: each reference type, Prefect's named
 * variants, and Paused's timeout rules.
 */
import { describe, expect, it } from 'vitest';
import {
  AwaitingRetry,
  Cached,
  Cancelled,
  Cancelling,
  Completed,
  Crashed,
  Failed,
  Late,
  ManualClock,
  NotReady,
  Paused,
  Pending,
  Rerunning,
  Resuming,
  Retrying,
  Running,
  Scheduled,
  seededRandom,
  type State,
  type StateEnvironment,
  type StateInit,
} from '../../src/index.ts';

const NOW = '2023-02-01T12:00:00.000Z';
const env = (): StateEnvironment => ({ clock: new ManualClock(NOW), random: seededRandom(5) });

const factories: [string, (init?: StateInit, env?: StateEnvironment) => State, string, string][] = [
  ['Scheduled', Scheduled, 'SCHEDULED', 'Scheduled'],
  ['Pending', Pending, 'PENDING', 'Pending'],
  ['Running', Running, 'RUNNING', 'Running'],
  ['Completed', Completed, 'COMPLETED', 'Completed'],
  ['Failed', Failed, 'FAILED', 'Failed'],
  ['Cancelled', Cancelled, 'CANCELLED', 'Cancelled'],
  ['Crashed', Crashed, 'CRASHED', 'Crashed'],
  ['Cancelling', Cancelling, 'CANCELLING', 'Cancelling'],
  ['AwaitingRetry', AwaitingRetry, 'SCHEDULED', 'AwaitingRetry'],
  ['Late', Late, 'SCHEDULED', 'Late'],
  ['Resuming', Resuming, 'SCHEDULED', 'Resuming'],
  ['Retrying', Retrying, 'RUNNING', 'Retrying'],
  ['Rerunning', Rerunning, 'RUNNING', 'Rerunning'],
  ['Cached', Cached, 'COMPLETED', 'Cached'],
  ['NotReady', NotReady, 'PAUSED', 'NotReady'],
];

describe('named state factories', () => {
  it.each(factories)('%s builds a %s state named "%s"', (label, factory, type, name) => {
    expect(factory.name).toBe(label);
    const state = factory({}, env());
    expect(state.type).toBe(type);
    expect(state.name).toBe(name);
    expect(state.timestamp).toEqual(new Date(NOW));
    expect(state.id).toBe(seededRandom(5).uuid());
  });

  it.each(factories)(
    '%s takes a given name over its own, and keeps its own for an undefined one',
    (_label, factory, _type, name) => {
      expect(factory({ name: 'Custom' }).name).toBe('Custom');
      expect(factory({ name: undefined }).name).toBe(name);
    },
  );

  it.each([
    ['Scheduled', Scheduled],
    ['AwaitingRetry', AwaitingRetry],
    ['Late', Late],
    ['Resuming', Resuming],
  ] as const)('%s is scheduled for now unless given a time', (_label, factory) => {
    expect(factory({}, env()).stateDetails.scheduledTime).toEqual(new Date(NOW));
    const at = new Date('2023-02-01T12:05:00.000Z');
    expect(
      factory({ stateDetails: { scheduledTime: at } }, env()).stateDetails.scheduledTime,
    ).toEqual(at);
  });

  it('names the terminal variants exactly, case-sensitively', () => {
    expect(AwaitingRetry().name).toBe('AwaitingRetry');
    expect(AwaitingRetry().name).not.toBe('Awaiting Retry');
  });
});

describe(Paused.name, () => {
  it('has no timeout, no reschedule and no key by default', () => {
    const state = Paused({}, {}, env());
    expect(state.type).toBe('PAUSED');
    expect(state.name).toBe('Paused');
    expect(state.stateDetails).toMatchObject({
      pauseTimeout: null,
      pauseReschedule: false,
      pauseKey: null,
    });
  });

  it('times out timeoutSeconds after now', () => {
    const state = Paused({ timeoutSeconds: 300 }, {}, env());
    expect(state.stateDetails.pauseTimeout).toEqual(new Date('2023-02-01T12:05:00.000Z'));
  });

  it('counts the timeout from the clock, not from a given timestamp', () => {
    const state = Paused(
      { timeoutSeconds: 60 },
      { timestamp: new Date('2020-01-01T00:00:00.000Z') },
      env(),
    );
    expect(state.stateDetails.pauseTimeout).toEqual(new Date('2023-02-01T12:01:00.000Z'));
  });

  it('times out at an absolute expiration time, without sharing the given Date', () => {
    const expiration = new Date('2023-02-02T00:00:00.000Z');
    const state = Paused({ pauseExpirationTime: expiration }, {}, env());
    expect(state.stateDetails.pauseTimeout).toEqual(expiration);
    expect(state.stateDetails.pauseTimeout).not.toBe(expiration);
  });

  it('records reschedule and key', () => {
    const state = Paused(
      { reschedule: true, pauseKey: 'hello' },
      { stateDetails: { flowRunId: 'f' } },
      env(),
    );
    expect(state.stateDetails).toMatchObject({
      pauseReschedule: true,
      pauseKey: 'hello',
      flowRunId: 'f',
    });
  });

  it('refuses a timeout and an expiration time together', () => {
    expect(() => Paused({ timeoutSeconds: 1, pauseExpirationTime: new Date(NOW) })).toThrow(
      new TypeError(
        'A Paused state takes a timeout in seconds or an expiration time, not both: pass timeoutSeconds or pauseExpirationTime.',
      ),
    );
  });

  it('refuses a pauseTimeout given in the details', () => {
    expect(() => Paused({}, { stateDetails: { pauseTimeout: new Date(NOW) } })).toThrow(
      new TypeError(
        'A Paused state takes its timeout from timeoutSeconds or pauseExpirationTime, not from stateDetails.pauseTimeout.',
      ),
    );
  });

  it('refuses a timeout that is not a finite number', () => {
    expect(() => Paused({ timeoutSeconds: Number.NaN })).toThrow(
      new TypeError("A Paused state's timeoutSeconds must be a finite number of seconds, got NaN."),
    );
  });
});

describe(NotReady.name, () => {
  it('is a plain pause: no timeout, no reschedule, no key', () => {
    expect(NotReady({}, env()).stateDetails).toMatchObject({
      pauseTimeout: null,
      pauseReschedule: false,
      pauseKey: null,
    });
  });
});
