/**
 * The shape of the bundled preset, spelled out as data from Prefect's Orion policies
 * (docs/orion-preset.md): each policy's priority list, and each rule's and transform's
 * FROM and TO sets,
 * checked member by member over the universe (the nine types and null).
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  OrchestrationRule,
  STATE_TYPES,
  transitionRules,
  UniversalTransform,
  type StateName,
} from '../../../src/index.ts';
import * as orion from '../../../src/orion/index.ts';
import { orionHarness, RULE_SOURCES } from './support/engine.ts';

const S = 'SCHEDULED';
const P = 'PENDING';
const R = 'RUNNING';
const CO = 'COMPLETED';
const F = 'FAILED';
const CA = 'CANCELLED';
const CR = 'CRASHED';
const PA = 'PAUSED';
const CG = 'CANCELLING';
type Member = StateName | null;
const UNIVERSE: Member[] = [S, P, R, CO, F, CA, CR, PA, CG, null];
const TERMINAL: Member[] = [CO, F, CA, CR];

const PRIORITIES: Record<string, string[]> = {
  CoreFlowPolicy: [
    'HandleFlowTerminalStateTransitions',
    'HandleCancellingStateTransitions',
    'PreventRedundantTransitions',
    'HandlePausingFlows',
    'HandleResumingPausedFlows',
    'CopyScheduledTime',
    'WaitForScheduledTime',
    'RetryFailedFlows',
  ],
  CoreTaskPolicy: [
    'CacheRetrieval',
    'HandleTaskTerminalStateTransitions',
    'PreventRunningTasksFromStoppedFlows',
    'PreventRedundantTransitions',
    'SecureTaskConcurrencySlots',
    'CopyScheduledTime',
    'WaitForScheduledTime',
    'RetryFailedTasks',
    'RenameReruns',
    'UpdateFlowRunTrackerOnTasks',
    'CacheInsertion',
    'ReleaseTaskConcurrencySlots',
  ],
  MinimalFlowPolicy: [],
  MinimalTaskPolicy: ['ReleaseTaskConcurrencySlots'],
  GlobalFlowPolicy: [
    'SetRunStateType',
    'SetRunStateName',
    'SetRunStateTimestamp',
    'SetStartTime',
    'SetEndTime',
    'IncrementRunTime',
    'SetExpectedStartTime',
    'SetNextScheduledStartTime',
    'UpdateStateDetails',
    'UpdateSubflowParentTask',
    'UpdateSubflowStateDetails',
    'IncrementFlowRunCount',
    'RemoveResumingIndicator',
  ],
  GlobalTaskPolicy: [
    'SetRunStateType',
    'SetRunStateName',
    'SetRunStateTimestamp',
    'SetStartTime',
    'SetEndTime',
    'IncrementRunTime',
    'SetExpectedStartTime',
    'SetNextScheduledStartTime',
    'UpdateStateDetails',
    'IncrementTaskRunCount',
  ],
};

/** FROM and TO of the 16 policy rules, as in Prefect. */
const RULE_SETS: Record<string, { from: Member[]; to: Member[] }> = {
  HandleFlowTerminalStateTransitions: { from: TERMINAL, to: UNIVERSE },
  HandleCancellingStateTransitions: { from: [CA, CG], to: [S, P, R, CO, F, CR, PA, CG, null] },
  PreventRedundantTransitions: { from: [S, P, R, CG, null], to: [S, P, R, CG, null] },
  HandlePausingFlows: { from: UNIVERSE, to: [PA] },
  HandleResumingPausedFlows: { from: [PA], to: UNIVERSE },
  CopyScheduledTime: { from: [S], to: [P] },
  WaitForScheduledTime: { from: [S, P], to: [R] },
  RetryFailedFlows: { from: [R], to: [F] },
  RetryFailedTasks: { from: [R], to: [F] },
  RenameReruns: { from: UNIVERSE, to: [R] },
  CacheRetrieval: { from: UNIVERSE, to: [R] },
  CacheInsertion: { from: UNIVERSE, to: [CO] },
  SecureTaskConcurrencySlots: { from: UNIVERSE, to: [R] },
  UpdateFlowRunTrackerOnTasks: { from: UNIVERSE, to: [R] },
  HandleTaskTerminalStateTransitions: { from: TERMINAL, to: UNIVERSE },
  PreventRunningTasksFromStoppedFlows: { from: UNIVERSE, to: [R] },
};

/** The 15 transforms: universal, FROM = TO = everything. */
const TRANSFORMS = [
  'ReleaseTaskConcurrencySlots',
  'SetRunStateType',
  'SetRunStateName',
  'SetRunStateTimestamp',
  'SetStartTime',
  'SetEndTime',
  'IncrementRunTime',
  'SetExpectedStartTime',
  'SetNextScheduledStartTime',
  'UpdateStateDetails',
  'UpdateSubflowParentTask',
  'UpdateSubflowStateDetails',
  'IncrementFlowRunCount',
  'RemoveResumingIndicator',
  'IncrementTaskRunCount',
];

const exported = orion as unknown as Record<string, unknown>;
const membersOf = (set: { has(member: Member): boolean }): Member[] =>
  UNIVERSE.filter((m) => set.has(m));

describe('the bundled Orion policies', () => {
  it('use the reference universe of nine types plus null', () => {
    expect([...STATE_TYPES, null]).toEqual(UNIVERSE);
    expect(membersOf(ALL_ORCHESTRATION_STATES)).toEqual(UNIVERSE);
  });

  it.each(Object.entries(PRIORITIES))(
    '%s lists its rules in the reference priority order',
    (name, expected) => {
      const policy = exported[name] as typeof orion.CoreFlowPolicy;
      expect(policy.name).toBe(name);
      expect(policy.priority().map((rule) => rule.name)).toEqual(expected);
    },
  );

  it('exports every rule and transform a policy lists, under its class name', () => {
    for (const policy of Object.keys(PRIORITIES)) {
      for (const rule of (exported[policy] as typeof orion.CoreFlowPolicy).priority()) {
        expect(exported[rule.name]).toBe(rule);
      }
    }
  });
});

describe('the bundled Orion rules', () => {
  it('number 31: 16 policy rules and 15 transforms', () => {
    expect(Object.keys(RULE_SETS)).toHaveLength(16);
    expect(TRANSFORMS).toHaveLength(15);
  });

  it.each(Object.entries(RULE_SETS))(
    '%s has the reference FROM and TO sets',
    (name, { from, to }) => {
      const rule = exported[name] as typeof orion.CacheRetrieval;
      expect(rule.prototype).toBeInstanceOf(OrchestrationRule);
      expect(membersOf(rule.FROM_STATES)).toEqual(from);
      expect(membersOf(rule.TO_STATES)).toEqual(to);
    },
  );

  it.each(TRANSFORMS)('%s is a universal transform', (name) => {
    const transform = exported[name] as typeof orion.SetRunStateType;
    expect(transform.prototype).toBeInstanceOf(UniversalTransform);
    expect(membersOf(transform.FROM_STATES)).toEqual(UNIVERSE);
    expect(membersOf(transform.TO_STATES)).toEqual(UNIVERSE);
  });
});

describe('the rule sources the Orion suites run on', () => {
  it('are the ones the harness engine uses, and equal the policy classes cell for cell', () => {
    const { engine } = orionHarness();
    expect(engine.policies).toEqual(RULE_SOURCES);
    for (const [key, policy] of Object.entries(orion.ORION_POLICY_CLASSES)) {
      const source = RULE_SOURCES[key as keyof typeof RULE_SOURCES];
      expect(source.name).toBe(policy.name);
      for (const from of UNIVERSE) {
        for (const to of UNIVERSE) {
          expect(transitionRules(source, from, to), `${policy.name} ${from} → ${to}`).toEqual(
            policy.compileTransitionRules(from, to),
          );
        }
      }
    }
  });
});
