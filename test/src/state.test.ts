/**
 * States: default names, ids and timestamps from the injected
 * environment, SCHEDULED's default scheduled time, details defaults, and copies that
 * are independent of their original.
 */
import { describe, expect, it } from 'vitest';
import {
  copyState,
  createState,
  createStateDetails,
  defaultStateName,
  ManualClock,
  seededRandom,
  STATE_TYPES,
  StateType,
} from '../../src/index.ts';

const NOW = '2023-02-01T12:00:00.000Z';
const env = () => ({ clock: new ManualClock(NOW), random: seededRandom(3) });

describe(defaultStateName.name, () => {
  it.each([
    ['SCHEDULED', 'Scheduled'],
    ['PENDING', 'Pending'],
    ['RUNNING', 'Running'],
    ['COMPLETED', 'Completed'],
    ['FAILED', 'Failed'],
    ['CANCELLED', 'Cancelled'],
    ['CRASHED', 'Crashed'],
    ['PAUSED', 'Paused'],
    ['CANCELLING', 'Cancelling'],
    ['AWAITING_RETRY', 'Awaiting Retry'],
    ['waiting_for_input', 'Waiting For Input'],
    ['IN_REVIEW_BY_HUMAN', 'In Review By Human'],
    ['dOnE', 'Done'],
  ])('names %s "%s"', (type, name) => {
    expect(defaultStateName(type)).toBe(name);
  });
});

describe(createStateDetails.name, () => {
  it('defaults every field to null or false', () => {
    expect(createStateDetails()).toEqual({
      flowRunId: null,
      taskRunId: null,
      childFlowRunId: null,
      scheduledTime: null,
      cacheKey: null,
      cacheExpiration: null,
      untrackableResult: false,
      pauseTimeout: null,
      pauseReschedule: false,
      pauseKey: null,
      refreshCache: null,
    });
  });

  it('applies given fields and keeps defaults for fields given as undefined', () => {
    const details = createStateDetails({
      cacheKey: 'k',
      flowRunId: undefined,
      pauseReschedule: true,
    });
    expect(details.cacheKey).toBe('k');
    expect(details.flowRunId).toBeNull();
    expect(details.pauseReschedule).toBe(true);
  });
});

describe(createState.name, () => {
  it('takes its id and timestamp from the environment and defaults the rest', () => {
    const state = createState(StateType.RUNNING, {}, env());
    expect(state).toEqual({
      id: seededRandom(3).uuid(),
      type: 'RUNNING',
      name: 'Running',
      timestamp: new Date(NOW),
      message: null,
      data: null,
      stateDetails: createStateDetails(),
    });
    expect(state.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('keeps what it is given', () => {
    const timestamp = new Date('2020-01-01T00:00:00.000Z');
    const state = createState(
      StateType.COMPLETED,
      {
        id: 'given',
        name: 'Done',
        timestamp,
        message: 'ok',
        data: { value: 1 },
        stateDetails: { cacheKey: 'k' },
      },
      env(),
    );
    expect(state).toMatchObject({
      id: 'given',
      name: 'Done',
      timestamp,
      message: 'ok',
      data: { value: 1 },
    });
    expect(state.stateDetails.cacheKey).toBe('k');
  });

  it('gives a fresh id each time with the system random source', () => {
    expect(createState(StateType.PENDING).id).not.toBe(createState(StateType.PENDING).id);
  });

  describe('scheduled time', () => {
    it('sets scheduledTime = now on a SCHEDULED state built without one', () => {
      const environment = env();
      const state = createState(StateType.SCHEDULED, {}, environment);
      expect(state.stateDetails.scheduledTime).toEqual(new Date(NOW));
      expect(state.stateDetails.scheduledTime).not.toBe(state.timestamp);
    });

    it('treats a null or undefined scheduledTime as missing', () => {
      expect(
        createState(StateType.SCHEDULED, { stateDetails: { scheduledTime: null } }, env())
          .stateDetails.scheduledTime,
      ).toEqual(new Date(NOW));
      expect(
        createState(StateType.SCHEDULED, { stateDetails: { scheduledTime: undefined } }, env())
          .stateDetails.scheduledTime,
      ).toEqual(new Date(NOW));
    });

    it('uses now from the clock, not a given timestamp', () => {
      const state = createState(
        StateType.SCHEDULED,
        { timestamp: new Date('2020-01-01T00:00:00.000Z') },
        env(),
      );
      expect(state.stateDetails.scheduledTime).toEqual(new Date(NOW));
    });

    it('keeps a given scheduledTime', () => {
      const at = new Date('2023-03-01T00:00:00.000Z');
      expect(
        createState(StateType.SCHEDULED, { stateDetails: { scheduledTime: at } }, env())
          .stateDetails.scheduledTime,
      ).toBe(at);
    });

    it.each(STATE_TYPES.filter((type) => type !== StateType.SCHEDULED))(
      'leaves scheduledTime null on a %s state',
      (type) => {
        expect(createState(type, {}, env()).stateDetails.scheduledTime).toBeNull();
      },
    );
  });

  it('accepts a custom state type', () => {
    const state = createState('WAITING_FOR_INPUT', {}, env());
    expect(state.type).toBe('WAITING_FOR_INPUT');
    expect(state.name).toBe('Waiting For Input');
  });

  it.each([
    ['', '""'],
    [undefined, 'undefined'],
    [null, 'null'],
    [42, '42'],
  ])('refuses the state type %j with a TypeError', (type, shown) => {
    expect(() => createState(type as unknown as string)).toThrow(
      new TypeError(
        `A state type must be a non-empty string, got ${shown}: pass a StateType member or one of your policy's STATES.`,
      ),
    );
  });
});

describe(copyState.name, () => {
  const original = () =>
    createState(
      StateType.SCHEDULED,
      {
        data: { result: [1, 2] },
        stateDetails: {
          cacheExpiration: new Date('2023-03-01T00:00:00.000Z'),
          pauseTimeout: new Date(NOW),
        },
      },
      env(),
    );

  it('copies every field', () => {
    const state = original();
    expect(copyState(state)).toEqual(state);
  });

  it('is independent of the original: fields, details and dates', () => {
    const state = original();
    const copy = copyState(state);
    copy.type = StateType.COMPLETED;
    copy.name = 'Changed';
    copy.stateDetails.cacheKey = 'changed';
    copy.stateDetails.scheduledTime!.setTime(0);
    copy.stateDetails.cacheExpiration!.setTime(0);
    copy.stateDetails.pauseTimeout!.setTime(0);
    copy.timestamp.setTime(0);
    expect(state).toEqual(original());
  });

  it('shares the data payload, which orchestration never edits in place', () => {
    const state = original();
    expect(copyState(state).data).toBe(state.data);
  });

  it('gives a fresh id and timestamp with reset', () => {
    const state = original();
    const clock = new ManualClock(NOW);
    clock.advance(60);
    const copy = copyState(state, { clock, random: seededRandom(99) });
    expect(copy.id).toBe(seededRandom(99).uuid());
    expect(copy.id).not.toBe(state.id);
    expect(copy.timestamp).toEqual(new Date('2023-02-01T12:01:00.000Z'));
    expect({ ...copy, id: state.id, timestamp: state.timestamp }).toEqual(state);
  });
});
