/**
 * `PreventRunningTasksFromStoppedFlows`, under the core task policy: scenario 36,
 * from Prefect's orchestration tests.
 */
import { describe, expect, it } from 'vitest';
import { SetStateStatus, STATE_TYPES, StateType } from '../../../src/index.ts';
import { PreventRunningTasksFromStoppedFlows } from '../../../src/orion/index.ts';
import { openBed } from '../../src/testing/support/bed-store.ts';

const { PAUSED, PENDING, RUNNING } = StateType;

describe(`${PreventRunningTasksFromStoppedFlows.name} (scenario 36)`, () => {
  it('lets a task start while its flow run is RUNNING', async () => {
    await using bed = await openBed();
    const task = await bed.taskRun({ state: bed.state(PENDING) });
    const result = await bed.engine.setTaskRunState(task.id, bed.state(RUNNING));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
  });

  it('parks the task as NotReady under a PAUSED flow, and aborts under any other flow state or none; the task stays PENDING otherwise', async () => {
    await using bed = await openBed();
    for (const flowType of [...STATE_TYPES.filter((t) => t !== RUNNING), null]) {
      const flow = await bed.flowRun({ state: flowType === null ? null : bed.state(flowType) });
      const task = await bed.taskRun({ flowRunId: flow.id, state: bed.state(PENDING) });

      const result = await bed.engine.setTaskRunState(task.id, bed.state(RUNNING));

      if (flowType === PAUSED) {
        expect(result.status).toBe(SetStateStatus.REJECT);
        expect(result.state).toMatchObject({ type: PAUSED, name: 'NotReady' });
        expect(result.details).toMatchObject({ reason: expect.stringContaining(flow.id) });
      } else {
        expect(result.status, String(flowType)).toBe(SetStateStatus.ABORT);
        expect((await bed.store.taskRun(task.id))?.stateType).toBe(PENDING);
      }
    }
  });
});
