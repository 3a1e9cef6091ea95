/**
 * `WaitForScheduledTime` and `CopyScheduledTime`, through the engine, for flow and
 * task runs: scenarios 16 and 17, from Prefect's orchestration tests.
 */
import { describe, expect, it } from 'vitest';
import {
  Pending,
  Running,
  Scheduled,
  SetStateStatus,
  StateType,
  TERMINAL_STATES,
  createState,
} from '../../../src/index.ts';
import { CopyScheduledTime, WaitForScheduledTime } from '../../../src/orion/index.ts';
import { orionHarness, RUN_KINDS } from './support/engine.ts';
import { policyOf } from './support/test-rules.ts';

const TERMINAL_TYPES = [...TERMINAL_STATES].filter((type): type is string => type !== null);

describe(`${WaitForScheduledTime.name} (scenario 16)`, () => {
  it('makes a run scheduled 5 minutes ahead wait about 300 s, writing nothing', async () => {
    for (const kind of RUN_KINDS) {
      for (const build of [Scheduled, Pending]) {
        const h = orionHarness();
        const scheduledTime = new Date(h.clock.now().getTime() + 5 * 60_000);
        const run = await h.given(kind, {
          state: build({ stateDetails: { scheduledTime } }, h.env),
        });

        const result = await h.propose(kind, run.id, Running({}, h.env));

        expect(result.status).toBe(SetStateStatus.WAIT);
        expect(result.details).toMatchObject({ type: 'wait_details', delaySeconds: 300 });
        expect(result.state?.id).toBe(run.stateId);
        expect(await h.store.stateHistory(kind, run.id)).toHaveLength(1);
      }
    }
  });

  it('lets a run scheduled 5 minutes ago start', async () => {
    for (const kind of RUN_KINDS) {
      for (const build of [Scheduled, Pending]) {
        const h = orionHarness();
        const scheduledTime = new Date(h.clock.now().getTime() - 5 * 60_000);
        const run = await h.given(kind, {
          state: build({ stateDetails: { scheduledTime } }, h.env),
        });

        const result = await h.propose(kind, run.id, Running({}, h.env));

        expect(result.status).toBe(SetStateStatus.ACCEPT);
        expect(result.state?.type).toBe(StateType.RUNNING);
      }
    }
  });

  it('is invalid for SCHEDULED → terminal types, however far ahead the schedule', async () => {
    const WaitOnly = policyOf('WaitOnly', [WaitForScheduledTime]);
    for (const kind of RUN_KINDS) {
      for (const type of TERMINAL_TYPES) {
        const h = orionHarness();
        const scheduledTime = new Date(h.clock.now().getTime() + 5 * 60_000);
        const run = await h.given(kind, {
          state: Scheduled({ stateDetails: { scheduledTime } }, h.env),
        });

        const result = await h.propose(kind, run.id, createState(type, {}, h.env), {
          policy: WaitOnly,
        });

        expect(result.status).toBe(SetStateStatus.ACCEPT);
        expect(result.state?.type).toBe(type);
        expect(h.records.at(-1)!.ruleSignature).not.toContain(WaitForScheduledTime.name);
      }
    }
  });
});

describe(`${CopyScheduledTime.name} (scenario 17)`, () => {
  it('gives a PENDING proposal without a time the SCHEDULED state’s time, and keeps one that has its own', async () => {
    for (const kind of RUN_KINDS) {
      const h = orionHarness();
      const t = new Date(h.clock.now().getTime() + 60_000);
      const own = new Date(h.clock.now().getTime() + 120_000);
      const bare = await h.given(kind, {
        state: Scheduled({ stateDetails: { scheduledTime: t } }, h.env),
      });
      const timed = await h.given(kind, {
        state: Scheduled({ stateDetails: { scheduledTime: t } }, h.env),
      });

      const copied = await h.propose(kind, bare.id, Pending({}, h.env));
      const kept = await h.propose(
        kind,
        timed.id,
        Pending({ stateDetails: { scheduledTime: own } }, h.env),
      );

      expect(copied.status).toBe(SetStateStatus.ACCEPT);
      expect(copied.state?.type).toBe(StateType.PENDING);
      expect(copied.state?.stateDetails.scheduledTime).toEqual(t);
      expect(
        (await h.store.stateHistory(kind, bare.id)).at(-1)?.stateDetails.scheduledTime,
      ).toEqual(t);
      expect(kept.state?.stateDetails.scheduledTime).toEqual(own);
    }
  });

  it('is invalid for SCHEDULED → terminal types and RUNNING', async () => {
    const CopyOnly = policyOf('CopyOnly', [CopyScheduledTime]);
    for (const kind of RUN_KINDS) {
      for (const type of [...TERMINAL_TYPES, StateType.RUNNING]) {
        const h = orionHarness();
        const t = new Date(h.clock.now().getTime() - 60_000);
        const run = await h.given(kind, {
          state: Scheduled({ stateDetails: { scheduledTime: t } }, h.env),
        });

        const result = await h.propose(kind, run.id, createState(type, {}, h.env), {
          policy: CopyOnly,
        });

        expect(result.status).toBe(SetStateStatus.ACCEPT);
        expect(result.state?.stateDetails.scheduledTime).toBeNull();
        expect(h.records.at(-1)!.ruleSignature).not.toContain(CopyScheduledTime.name);
      }
    }
  });
});
