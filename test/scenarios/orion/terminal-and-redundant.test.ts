/**
 * Terminal-state protection, redundant transitions and cancelling flows: scenarios
 * 24, 25 and 37, from Prefect's orchestration tests, and 40, derived from Prefect's code.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  AwaitingRetry,
  Cancelled,
  Cancelling,
  createState,
  isTerminal,
  OrchestrationError,
  SetStateStatus,
  STATE_TYPES,
  StateType,
  type StateName,
} from '../../../src/index.ts';
import {
  HandleCancellingStateTransitions,
  HandleFlowTerminalStateTransitions,
  HandleTaskTerminalStateTransitions,
  PreventRedundantTransitions,
  type RunKind,
} from '../../../src/orion/index.ts';
import { orionHarness, RUN_KINDS, type OrionHarness } from './support/engine.ts';
import { policyOf } from './support/test-rules.ts';

const UNIVERSE = [...ALL_ORCHESTRATION_STATES];
const TERMINAL_RULE = {
  flow: policyOf('FlowTerminalOnly', [HandleFlowTerminalStateTransitions]),
  task: policyOf('TaskTerminalOnly', [HandleTaskTerminalStateTransitions]),
};

/** A run of `kind` in `type` (or with no state); a task run's flow is not retrying. */
async function runIn(h: OrionHarness, kind: RunKind, type: StateName | null) {
  const state = type === null ? null : createState(type, {}, h.env);
  return h.given(kind, kind === 'task' ? { state, flowRunRunCount: 1 } : { state });
}

describe('terminal-state protection (scenario 24)', () => {
  it('aborts every proposal out of a terminal state, for both run kinds; a null proposal aborts with an error the entry point re-throws', async () => {
    const h = orionHarness();
    for (const kind of RUN_KINDS) {
      for (const initial of STATE_TYPES.filter(isTerminal)) {
        for (const proposed of STATE_TYPES) {
          const run = await runIn(h, kind, initial);
          const result = await h.propose(kind, run.id, createState(proposed, {}, h.env), {
            policy: TERMINAL_RULE[kind],
          });
          expect(result.status, `${kind} ${initial} → ${proposed}`).toBe(SetStateStatus.ABORT);
          expect(await h.read(kind, run.id), `${kind} ${initial} → ${proposed}`).toEqual(run);
        }
        const run = await runIn(h, kind, initial);
        await expect(
          h.propose(kind, run.id, null, { policy: TERMINAL_RULE[kind] }),
        ).rejects.toThrow(OrchestrationError);
        expect(await h.read(kind, run.id)).toEqual(run);
      }
    }
  });

  it('accepts every proposal out of a non-terminal initial state (or none) with the rule alone', async () => {
    const h = orionHarness();
    for (const kind of RUN_KINDS) {
      for (const initial of UNIVERSE.filter((type) => !isTerminal(type))) {
        for (const proposed of STATE_TYPES) {
          const run = await runIn(h, kind, initial);
          const result = await h.propose(kind, run.id, createState(proposed, {}, h.env), {
            policy: TERMINAL_RULE[kind],
          });
          expect(result.status, `${kind} ${initial} → ${proposed}`).toBe(SetStateStatus.ACCEPT);
          expect(result.state?.type).toBe(proposed);
        }
      }
    }
  });
});

describe(`${PreventRedundantTransitions.name} (scenario 25)`, () => {
  const RedundancyOnly = policyOf('RedundancyOnly', [PreventRedundantTransitions]);
  const ABORTED: [StateName | null, StateName | null][] = [
    [null, null],
    ['SCHEDULED', 'SCHEDULED'],
    ['SCHEDULED', null],
    ['PENDING', 'PENDING'],
    ['PENDING', 'SCHEDULED'],
    ['PENDING', null],
    ['RUNNING', 'RUNNING'],
    ['RUNNING', 'PENDING'],
    ['RUNNING', 'SCHEDULED'],
    ['RUNNING', null],
    ['CANCELLING', 'CANCELLING'],
    ['CANCELLING', 'RUNNING'],
    ['CANCELLING', 'PENDING'],
    ['CANCELLING', 'SCHEDULED'],
    ['CANCELLING', null],
  ];
  const isAborted = (from: StateName | null, to: StateName | null): boolean =>
    ABORTED.some(([f, t]) => f === from && t === to);

  it('aborts the 15 backward or same-rank moves, writing nothing', async () => {
    const h = orionHarness();
    for (const [from, to] of ABORTED) {
      const run = await runIn(h, 'flow', from);
      const result = await h.engine.setFlowRunState(
        run.id,
        to === null ? null : createState(to, {}, h.env),
        {
          policy: RedundancyOnly,
        },
      );
      expect(result.status, `${from} → ${to}`).toBe(SetStateStatus.ABORT);
      expect(result.state?.type ?? null).toBe(from);
      expect(await h.read('flow', run.id)).toEqual(run);
    }
  });

  it('accepts every other pair over the universe with the rule alone', async () => {
    const h = orionHarness();
    let checked = 0;
    for (const from of UNIVERSE) {
      for (const to of UNIVERSE) {
        if (isAborted(from, to)) continue;
        const run = await runIn(h, 'flow', from);
        const result = await h.engine.setFlowRunState(
          run.id,
          to === null ? null : createState(to, {}, h.env),
          {
            policy: RedundancyOnly,
          },
        );
        expect(result.status, `${from} → ${to}`).toBe(SetStateStatus.ACCEPT);
        expect(result.state?.type ?? null, `${from} → ${to}`).toBe(to ?? from);
        checked++;
      }
    }
    expect(checked).toBe(85);
  });
});

describe(`${HandleCancellingStateTransitions.name} (scenario 37)`, () => {
  it('rejects CANCELLING → each of the eight other types, and the run stays CANCELLING', async () => {
    const h = orionHarness();
    for (const proposed of STATE_TYPES.filter((type) => type !== StateType.CANCELLED)) {
      const run = await h.flowRun({ state: Cancelling({}, h.env) });
      const result = await h.engine.setFlowRunState(run.id, createState(proposed, {}, h.env));
      expect(result.status, proposed).toBe(SetStateStatus.REJECT);
      expect(result.state?.id).toBe(run.stateId);
      expect((await h.read('flow', run.id)).stateType).toBe(StateType.CANCELLING);
    }
  });

  it('accepts CANCELLING → CANCELLED, which is outside its sets', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Cancelling({}, h.env) });
    const result = await h.engine.setFlowRunState(run.id, Cancelled({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(result.state?.type).toBe(StateType.CANCELLED);
  });
});

describe('a manual retry of a cancelled flow run (scenario 40)', () => {
  it('is rejected by the cancelling rule, the terminal rule’s cleanup restores the pause bookkeeping, and the run stays CANCELLED', async () => {
    const h = orionHarness();
    const run = await h.flowRun({
      state: Cancelled({}, h.env),
      deploymentId: 'deployment',
      empiricalPolicy: { pauseKeys: ['already-paused'], resuming: true },
    });

    const result = await h.engine.setFlowRunState(run.id, AwaitingRetry({}, h.env));

    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.state?.type).toBe(StateType.CANCELLED);
    const after = await h.read('flow', run.id);
    expect(after.stateType).toBe(StateType.CANCELLED);
    expect(after.empiricalPolicy).toEqual(run.empiricalPolicy);
    expect(h.records.at(-1)!.ruleSignature.slice(0, 2)).toEqual([
      HandleFlowTerminalStateTransitions.name,
      HandleCancellingStateTransitions.name,
    ]);
  });
});
