/**
 * `OrionEngine`: the entry points of the Orion preset (docs/orion-preset.md): set a
 * flow run's or a task run's state, resume a paused flow run. Each call is one store
 * transaction: when orchestration throws, everything it changed is rolled back; a
 * returned ABORT, WAIT or REJECT commits what the rules changed on the way.
 */
import { systemClock, type Clock } from '../../clock.ts';
import { Resuming, Running } from '../../named-states.ts';
import { whenReady, type MaybePromise } from '../../maybe-promise.ts';
import { orchestrateNow } from '../../orchestrate.ts';
import type { RuleClass } from '../../rule-class.ts';
import { systemRandom, type RandomSource } from '../../random-source.ts';
import {
  abortDetails,
  acceptDetails,
  SetStateStatus,
  type OrchestrationResult,
} from '../../response.ts';
import { copyState, type State } from '../../state.ts';
import { StateType } from '../../state-type.ts';
import { transitionRules, type RuleSource } from '../../transition-rules.ts';
import { API_VERSION_PARAMETER, parseApiVersion } from '../api-version.ts';
import { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';
import type { OrionContext } from '../contexts/orion-context.ts';
import { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';
import type { TaskRunOrchestrator } from '../contexts/task-run-orchestrator.ts';
import { ObjectNotFoundError } from '../object-not-found-error.ts';
import type { RunKind } from '../runs/run-kind.ts';
import type { OrionSession } from '../store/orion-session.ts';
import type { OrionStore } from '../store/orion-store.ts';
import { commitRunState } from './commit-run-state.ts';
import { defaultOrionRuleSources } from './default-rule-sources.ts';
import type { OrionRuleSources } from './orion-rule-sources.ts';
import { validateProposedState } from '../validation/validate-proposed-state.ts';
import { validateRunId } from '../validation/validate-run-reference.ts';
import type { TransitionRecord } from './transition-record.ts';

export interface OrionEngineOptions<S extends OrionStore = OrionStore> {
  /**
   * The store. Any `OrionStore` will do; give an `OrionRunStore` (both bundled stores
   * are) and `engine.store` offers its setup and read API too.
   */
  store: S;
  /**
   * The six rule sources. Each defaults to the compiled Orion matrix the package ships
   * (`ORION_MATRICES` from `policy-matrix/orion/matrices`), which equals its policy
   * class cell for cell.
   */
  policies?: Partial<OrionRuleSources>;
  /** "now" for rules and new states. Defaults to the system clock. */
  clock?: Clock;
  /** Random numbers and ids for rules and new states. Defaults to the system's. */
  random?: RandomSource;
  /** Called after each transaction commits, once per orchestration in it, innermost first. */
  onTransition?: (record: TransitionRecord) => void;
}

export interface SetRunStateOptions {
  /** Skip the policy's rules: the minimal policy applies (global transforms still run). */
  force?: boolean;
  /**
   * The policy whose rules apply. Omitted: the core policy of the run kind, as the
   * set-state endpoint supplies. `null`: no policy, which means the minimal policy.
   */
  policy?: RuleSource | null;
  /** Orchestration parameters, readable by rules. Copied. */
  parameters?: Readonly<Record<string, unknown>>;
  /**
   * The id the proposed state is stored under, instead of a fresh one: it makes the
   * call safe to repeat (after a `CommitOutcomeUnknownError`, a lost response). When
   * the run already has a state with this id, the call changes nothing and returns
   * that state, ACCEPT, as the call that stored it did.
   */
  stateId?: string;
}

export interface SetFlowRunStateOptions extends SetRunStateOptions {
  /**
   * The client's API version (`"0.8.4"`), seeded as the `api-version` parameter unless
   * `parameters` has one. Omitted or null: a current client.
   */
  apiVersion?: string | null;
}

export interface ResumeFlowRunOptions {
  /** As for `setFlowRunState`. */
  apiVersion?: string | null;
  parameters?: Readonly<Record<string, unknown>>;
  /** The policy whose rules apply. Defaults to the core flow policy. */
  policy?: RuleSource;
}

export class OrionEngine<S extends OrionStore = OrionStore> implements TaskRunOrchestrator {
  readonly store: S;
  readonly policies: Readonly<OrionRuleSources>;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly #onTransition: ((record: TransitionRecord) => void) | undefined;
  /** The records of each open transaction, by its session. */
  readonly #records = new WeakMap<OrionSession, TransitionRecord[]>();

  constructor(options: OrionEngineOptions<S>) {
    this.store = options.store;
    this.policies = Object.freeze({
      ...defaultOrionRuleSources(),
      ...definedOnly(options.policies ?? {}),
    });
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.#onTransition = options.onTransition;
  }

  /**
   * Proposes `state` for flow run `flowRunId` and orchestrates it. Like the HTTP
   * layer, the engine gives the proposal a fresh id and timestamp (now); the caller's
   * object is not changed. `null` proposes "write nothing" (never sent over HTTP, but
   * part of the rule contract). Returns `{ state, status, details }`; throws
   * `InvalidInputError` (before any transaction starts) for an id or a state no store
   * could keep, `ObjectNotFoundError` for an unknown run, and re-throws an error
   * recorded by a rule (after rolling the transaction back).
   */
  setFlowRunState(
    flowRunId: string,
    state: State | null,
    options: SetFlowRunStateOptions = {},
  ): Promise<OrchestrationResult> {
    try {
      validateRunId(flowRunId, 'flowRunId');
      validateProposedState(state);
      const parameters = flowParameters(options.parameters, options.apiVersion);
      const proposal = this.#receive(state, options.stateId);
      const policy = chosenPolicy(options, this.policies.coreFlow, this.policies.minimalFlow);
      return Promise.resolve(
        this.#transaction((session) =>
          this.#unlessCommitted(session, 'flow', flowRunId, options.stateId, () =>
            this.#orchestrateFlowRun(session, flowRunId, proposal, policy, parameters),
          ),
        ),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Proposes `state` for task run `taskRunId`: as `setFlowRunState`, with the task policies. */
  setTaskRunState(
    taskRunId: string,
    state: State | null,
    options: SetRunStateOptions = {},
  ): Promise<OrchestrationResult> {
    try {
      validateRunId(taskRunId, 'taskRunId');
      validateProposedState(state);
      const parameters = { ...options.parameters };
      const proposal = this.#receive(state, options.stateId);
      const policy = chosenPolicy(options, this.policies.coreTask, this.policies.minimalTask);
      return Promise.resolve(
        this.#transaction((session) =>
          this.#unlessCommitted(session, 'task', taskRunId, options.stateId, () =>
            this.#orchestrateTaskRun(session, taskRunId, proposal, policy, parameters),
          ),
        ),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The resume endpoint, as in Prefect: a flow run that is not PAUSED gets
   * ABORT with no state and no orchestration. Otherwise it proposes, under the core
   * flow policy, `Resuming` (SCHEDULED now) when the pause asked to reschedule, or
   * RUNNING.
   */
  async resumeFlowRun(
    flowRunId: string,
    options: ResumeFlowRunOptions = {},
  ): Promise<OrchestrationResult> {
    validateRunId(flowRunId, 'flowRunId');
    const parameters = flowParameters(options.parameters, options.apiVersion);
    const policy = options.policy ?? this.policies.coreFlow;
    return await this.#transaction(async (session) => {
      const run = await session.readFlowRun(flowRunId);
      if (run === null) throw notFound('Flow run', flowRunId);
      const current = run.stateId === null ? null : await session.readState('flow', run.stateId);
      if (current === null || current.type !== StateType.PAUSED) {
        return {
          state: null,
          status: SetStateStatus.ABORT,
          details: abortDetails('Cannot resume a flow run that is not paused.'),
        };
      }
      const env = { clock: this.clock, random: this.random };
      const proposal = current.stateDetails.pauseReschedule ? Resuming({}, env) : Running({}, env);
      return this.#orchestrateFlowRun(session, flowRunId, proposal, policy, parameters);
    });
  }

  /**
   * `TaskRunOrchestrator`: forces `state` (as given) onto a task run inside an open
   * transaction: the minimal task policy plus the global task transforms.
   */
  forceTaskRunState(
    session: OrionSession,
    taskRunId: string,
    state: State,
  ): MaybePromise<OrchestrationResult> {
    return this.#orchestrateTaskRun(session, taskRunId, state, this.policies.minimalTask, {});
  }

  // The steps below answer directly while the store does, and continue with promises
  // from the first store call that returns one.

  #orchestrateFlowRun(
    session: OrionSession,
    flowRunId: string,
    proposal: State | null,
    policy: RuleSource,
    parameters: Record<string, unknown>,
  ): MaybePromise<OrchestrationResult> {
    return whenReady(session.readFlowRun(flowRunId), (run) => {
      if (run === null) throw notFound('Flow run', flowRunId);
      const reading = run.stateId === null ? null : session.readState('flow', run.stateId);
      return whenReady(reading, (initialState) => {
        const context = new FlowOrchestrationContext({
          session,
          run,
          initialState,
          proposedState: proposal,
          parameters,
          clock: this.clock,
          random: this.random,
          orchestrator: this,
        });
        return this.#orchestrate(context, policy, this.policies.globalFlow);
      });
    });
  }

  #orchestrateTaskRun(
    session: OrionSession,
    taskRunId: string,
    proposal: State | null,
    policy: RuleSource,
    parameters: Record<string, unknown>,
  ): MaybePromise<OrchestrationResult> {
    return whenReady(session.readTaskRun(taskRunId), (run) => {
      if (run === null) throw notFound('Task run', taskRunId);
      const reading = run.stateId === null ? null : session.readState('task', run.stateId);
      return whenReady(reading, (initialState) => {
        const context = new TaskOrchestrationContext({
          session,
          run,
          initialState,
          proposedState: proposal,
          parameters,
          clock: this.clock,
          random: this.random,
        });
        return this.#orchestrate(context, policy, this.policies.globalTask);
      });
    });
  }

  /** Both rule lists for the intended transition, then the nest. */
  #orchestrate(
    context: OrionContext,
    policy: RuleSource,
    globalPolicy: RuleSource,
  ): MaybePromise<OrchestrationResult> {
    const from = context.initialStateType;
    const to = context.proposedStateType;
    const result = orchestrateNow<OrionContext>({
      context,
      rules: transitionRules(policy, from, to) as readonly RuleClass<OrionContext>[],
      transforms: transitionRules(globalPolicy, from, to) as readonly RuleClass<OrionContext>[],
      commit: commitRunState,
    });
    // Records are only kept for `onTransition`.
    if (this.#onTransition === undefined) return result;
    return whenReady(result, (settled) => {
      this.#records.get(context.session)?.push({
        kind: context.kind,
        runId: context.run.id,
        from,
        to,
        policy: policy.name,
        result: settled,
        ruleSignature: [...context.ruleSignature],
        finalizationSignature: [...context.finalizationSignature],
      });
      return settled;
    });
  }

  #transaction<T>(work: (session: OrionSession) => MaybePromise<T>): MaybePromise<T> {
    const onTransition = this.#onTransition;
    if (onTransition === undefined) return this.store.transaction(work);
    const records: TransitionRecord[] = [];
    const result = this.store.transaction((session) => {
      records.length = 0; // a store may run `work` again after a serialization failure
      this.#records.set(session, records);
      return work(session);
    });
    return whenReady(result, (value) => {
      for (const record of records) onTransition(record);
      return value;
    });
  }

  /**
   * The server's copy of a client's proposal: a fresh id (or `stateId`) and
   * timestamp, details copied.
   */
  #receive(state: State | null, stateId: string | undefined): State | null {
    if (stateId !== undefined && (typeof stateId !== 'string' || stateId === '')) {
      throw new TypeError(`stateId must be a non-empty string, got ${JSON.stringify(stateId)}.`);
    }
    if (state === null) return null;
    const received = copyState(state, { clock: this.clock, random: this.random });
    if (stateId !== undefined) received.id = stateId;
    return received;
  }

  /**
   * An idempotent retry: when the run already has state `stateId`, that state, ACCEPT,
   * without orchestrating again; otherwise `orchestrate()`. One lookup by id in the
   * common case (the id is new); the run's history only when the id exists.
   */
  #unlessCommitted(
    session: OrionSession,
    kind: RunKind,
    runId: string,
    stateId: string | undefined,
    orchestrate: () => MaybePromise<OrchestrationResult>,
  ): MaybePromise<OrchestrationResult> {
    if (stateId === undefined) return orchestrate();
    const accepted = (state: State): OrchestrationResult => ({
      state,
      status: SetStateStatus.ACCEPT,
      details: acceptDetails(),
    });
    const reading = kind === 'flow' ? session.readFlowRun(runId) : session.readTaskRun(runId);
    return whenReady(reading, (run) => {
      if (run === null) return orchestrate(); // which reports the missing run
      return whenReady(session.readState(kind, stateId), (existing) => {
        if (existing === null) return orchestrate();
        if (run.stateId === stateId) return accepted(existing);
        return whenReady(session.readRunStates(kind, runId), (history) => {
          const committed = history.find((state) => state.id === stateId);
          return committed === undefined ? orchestrate() : accepted(committed);
        });
      });
    });
  }
}

function chosenPolicy(
  options: SetRunStateOptions,
  core: RuleSource,
  minimal: RuleSource,
): RuleSource {
  if (options.force || options.policy === null) return minimal;
  return options.policy ?? core;
}

function flowParameters(
  parameters: Readonly<Record<string, unknown>> | undefined,
  apiVersion: string | null | undefined,
): Record<string, unknown> {
  const seeded: Record<string, unknown> = { ...parameters };
  if (!(API_VERSION_PARAMETER in seeded)) seeded[API_VERSION_PARAMETER] = apiVersion ?? null;
  const version = seeded[API_VERSION_PARAMETER];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as apiVersionOf: read as text, then parsed
  if (version !== null) parseApiVersion(String(version)); // throws a TypeError for a malformed version
  return seeded;
}

function definedOnly<T extends object>(values: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function notFound(what: string, id: string): ObjectNotFoundError {
  return new ObjectNotFoundError(
    `${what} ${id} was not found: create it in the store before setting its state.`,
  );
}
