/**
 * `testEnvironment`: a manual clock, a seeded random source, and builders of states
 * and contexts that use them, so that every id and timestamp in a test is fixed.
 */
import { ManualClock } from '../clock.ts';
import { OrchestrationContext } from '../orchestration-context.ts';
import { seededRandom, type RandomSource } from '../random-source.ts';
import { createState, type State, type StateEnvironment, type StateInit } from '../state.ts';
import type { StateName } from '../state-type.ts';

export interface TestEnvironmentOptions {
  /** Where the clock starts. Defaults to 2023-02-01T12:00:00.000Z. */
  now?: Date | string | number;
  /** The seed of the random source (ids, jitter). Defaults to 1. */
  seed?: number;
}

/** A state given by type (a fresh state of the environment), as a state, or `null`. */
export type GivenState = StateName | State | null;

export interface TestContextOptions<TRun> {
  /** The run record. Defaults to `{}`. */
  run?: TRun;
  parameters?: Record<string, unknown>;
  /** Fields of the initial state, when it is given by type. */
  initial?: StateInit;
  /** Fields of the proposed state, when it is given by type. */
  proposed?: StateInit;
}

export interface TestEnvironment {
  readonly clock: ManualClock;
  readonly random: RandomSource;
  /** `{ clock, random }`, for the named-state builders: `Running({}, env.env)`. */
  readonly env: Required<StateEnvironment>;
  /** A new state of `type`, stamped with the clock's now and an id from the random source. */
  state(type: StateName, init?: StateInit): State;
  /**
   * A context for the transition `from → to` on this clock and random source. Types
   * are turned into fresh states (initial first, then proposed); states are used as
   * given.
   */
  context<TRun = Record<string, unknown>>(
    from: GivenState,
    to: GivenState,
    options?: TestContextOptions<TRun>,
  ): OrchestrationContext<TRun>;
}

/** A fresh environment; two environments built with the same options give the same ids and times. */
export function testEnvironment(options: TestEnvironmentOptions = {}): TestEnvironment {
  const clock = new ManualClock(options.now ?? '2023-02-01T12:00:00.000Z');
  const random = seededRandom(options.seed ?? 1);
  const env = { clock, random };
  const state = (type: StateName, init: StateInit = {}): State => createState(type, init, env);
  const given = (value: GivenState, init: StateInit | undefined): State | null =>
    value === null || typeof value === 'object' ? value : state(value, init);
  return {
    clock,
    random,
    env,
    state,
    context: <TRun>(from: GivenState, to: GivenState, opts: TestContextOptions<TRun> = {}) => {
      const initialState = given(from, opts.initial);
      const proposedState = given(to, opts.proposed);
      return new OrchestrationContext<TRun>({
        run: opts.run ?? ({} as TRun),
        initialState,
        proposedState,
        parameters: opts.parameters ?? {},
        clock,
        random,
      });
    },
  };
}
