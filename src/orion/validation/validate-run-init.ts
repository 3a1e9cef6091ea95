/**
 * `validateFlowRunInit` and `validateTaskRunInit`: the check every store's `addFlowRun`
 * and `addTaskRun` make before they write anything, so that all stores refuse the same
 * runs with the same `InvalidInputError`. Every column given must be of its declared
 * type and storable; `undefined` (and `null` for columns with a default) keeps the
 * default, as in `createFlowRun`. Tags must be an array of keys: a string is refused,
 * never split into characters.
 */
import { checkDate } from './check-date.ts';
import { checkInteger, checkNumber } from './check-number.ts';
import { checkKey, checkText } from './check-text.ts';
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';
import { MAX_INTEGER } from './storage-limits.ts';
import { validateFlowRunPolicyInit, validateTaskRunPolicyInit } from './validate-run-policy.ts';

/** Throws `InvalidInputError` unless `init` (undefined, or a `Partial<FlowRunInit>`) is a flow run every store keeps. */
export function validateFlowRunInit(init: unknown, path = 'flowRun'): void {
  if (init === undefined) return;
  const run = runObject(init, path);
  validateSharedColumns(run, path);
  checkText(run['deploymentId'] ?? null, `${path}.deploymentId`, true);
  checkKey(run['parentTaskRunId'] ?? null, `${path}.parentTaskRunId`, true);
  validateFlowRunPolicyInit(run['empiricalPolicy'], `${path}.empiricalPolicy`);
}

/** Throws `InvalidInputError` unless `init` (a `Partial<TaskRunInit>` with `flowRunId`) is a task run every store keeps. */
export function validateTaskRunInit(init: unknown, path = 'taskRun'): void {
  const run = runObject(init, path);
  validateSharedColumns(run, path);
  checkKey(run['flowRunId'], `${path}.flowRunId`);
  checkInteger(run['flowRunRunCount'] ?? 0, `${path}.flowRunRunCount`, 0, MAX_INTEGER);
  checkKey(run['cacheKey'] ?? null, `${path}.cacheKey`, true);
  checkDate(run['cacheExpiration'] ?? null, `${path}.cacheExpiration`, true);
  validateTaskRunPolicyInit(run['empiricalPolicy'], `${path}.empiricalPolicy`);
}

/** The columns flow and task runs share (`OrionRun`). */
function validateSharedColumns(run: Record<string, unknown>, path: string): void {
  if (run['id'] !== undefined) checkKey(run['id'], `${path}.id`);
  checkText(run['stateId'] ?? null, `${path}.stateId`, true);
  checkText(run['stateType'] ?? null, `${path}.stateType`, true);
  checkText(run['stateName'] ?? null, `${path}.stateName`, true);
  checkDate(run['stateTimestamp'] ?? null, `${path}.stateTimestamp`, true);
  checkInteger(run['runCount'] ?? 0, `${path}.runCount`, 0, MAX_INTEGER);
  checkDate(run['startTime'] ?? null, `${path}.startTime`, true);
  checkDate(run['endTime'] ?? null, `${path}.endTime`, true);
  checkNumber(run['totalRunTime'] ?? 0, `${path}.totalRunTime`, 0, Number.MAX_VALUE);
  checkDate(run['expectedStartTime'] ?? null, `${path}.expectedStartTime`, true);
  checkDate(run['nextScheduledStartTime'] ?? null, `${path}.nextScheduledStartTime`, true);
  checkTags(run['tags'], `${path}.tags`);
}

/** Throws `InvalidInputError` unless `tags` is undefined or an array of keys. */
function checkTags(tags: unknown, path: string): void {
  if (tags === undefined) return;
  if (!Array.isArray(tags)) {
    throw new InvalidInputError(
      'wrong-type',
      path,
      `${path} must be an array of strings, got ${describeInput(tags)}${typeof tags === 'string' ? `: pass [${JSON.stringify(tags)}] for one tag` : ''}.`,
    );
  }
  for (let index = 0; index < tags.length; index++) checkKey(tags[index], `${path}[${index}]`);
}

function runObject(init: unknown, path: string): Record<string, unknown> {
  if (typeof init !== 'object' || init === null || Array.isArray(init)) {
    throw new InvalidInputError(
      'wrong-type',
      path,
      `${path} must be an object of run columns, got ${describeInput(init)}.`,
    );
  }
  return init as Record<string, unknown>;
}
