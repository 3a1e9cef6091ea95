/**
 * `PreventRunningTasksFromStoppedFlows`, under the core task policy: scenario 36,
 * from Prefect's orchestration tests.
 */
import { describe, expect, it } from 'vitest';
import {
  createState,
  Pending,
  Running,
  SetStateStatus,
  STATE_TYPES,
  StateType,
} from '../../src/index.ts';
import { PreventRunningTasksFromStoppedFlows } from '../../src/orion/index.ts';
import { orionHarness } from './support/engine.ts';

describe(`${PreventRunningTasksFromStoppedFlows.name} (scenario 36)`, () => {
  it('lets a task start while its flow run is RUNNING', async () => {
    const h = orionHarness();
    const task = await h.taskRun({ state: Pending({}, h.env) });
    const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
  });

  it('parks the task as NotReady under a PAUSED flow, and aborts under any other flow state or none; the task stays PENDING otherwise', async () => {
    for (const flowType of [...STATE_TYPES.filter((t) => t !== StateType.RUNNING), null]) {
      const h = orionHarness();
      const flow = await h.flowRun({
        state: flowType === null ? null : createState(flowType, {}, h.env),
      });
      const task = await h.taskRun({ flowRunId: flow.id, state: Pending({}, h.env) });

      const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));

      if (flowType === StateType.PAUSED) {
        expect(result.status).toBe(SetStateStatus.REJECT);
        expect(result.state).toMatchObject({ type: StateType.PAUSED, name: 'NotReady' });
        expect(result.details).toMatchObject({ reason: expect.stringContaining(flow.id) });
      } else {
        expect(result.status, String(flowType)).toBe(SetStateStatus.ABORT);
        expect((await h.read('task', task.id)).stateType).toBe(StateType.PENDING);
      }
    }
  });
});
