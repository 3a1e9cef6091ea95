/**
 * `validateProposedState`: the check `OrionEngine` makes of a proposed state before it
 * opens a transaction, so that every store refuses the same proposals with the same
 * `InvalidInputError` and no orchestration starts on a state a store could not keep.
 * The proposal's `id` and `timestamp` are not checked: the engine replaces them.
 */
import type { State } from '../../state.ts';
import { assertStorableData } from './assert-storable-data.ts';
import { checkBoolean } from './check-number.ts';
import { checkDate } from './check-date.ts';
import { checkKey, checkText } from './check-text.ts';
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';

/**
 * Throws `InvalidInputError` unless `state` is null or a state every store keeps: a
 * non-empty `type`, a string `name`, a string or null `message`, storable `data`
 * (see `assertStorableData`) and `stateDetails` with every field of its declared type
 * (dates as valid `Date`s, ids and keys as strings or null, flags as booleans).
 */
export function validateProposedState(
  state: unknown,
  path = 'state',
): asserts state is State | null {
  if (state === null) return;
  if (!isObject(state)) {
    throw new InvalidInputError(
      'wrong-type',
      path,
      `${path} must be a state object (createState(), Running(), …) or null, got ${describeInput(state)}.`,
    );
  }
  const proposal = state as Partial<Record<keyof State, unknown>>;
  checkText(proposal.type, `${path}.type`);
  if (proposal.type === '') {
    throw new InvalidInputError(
      'wrong-type',
      `${path}.type`,
      `${path}.type must be a non-empty string, got "".`,
    );
  }
  checkText(proposal.name, `${path}.name`);
  checkText(proposal.message, `${path}.message`, true);
  assertStorableData(proposal.data, `${path}.data`);
  validateStateDetails(proposal.stateDetails, `${path}.stateDetails`);
}

function validateStateDetails(details: unknown, path: string): void {
  if (!isObject(details)) {
    throw new InvalidInputError(
      'wrong-type',
      path,
      `${path} must be an object with every field of StateDetails (createStateDetails() fills the defaults), got ${describeInput(details)}.`,
    );
  }
  const d = details as Record<string, unknown>;
  checkText(d['flowRunId'], `${path}.flowRunId`, true);
  checkText(d['taskRunId'], `${path}.taskRunId`, true);
  checkText(d['childFlowRunId'], `${path}.childFlowRunId`, true);
  checkDate(d['scheduledTime'], `${path}.scheduledTime`, true);
  checkKey(d['cacheKey'], `${path}.cacheKey`, true);
  checkDate(d['cacheExpiration'], `${path}.cacheExpiration`, true);
  checkBoolean(d['untrackableResult'], `${path}.untrackableResult`);
  checkDate(d['pauseTimeout'], `${path}.pauseTimeout`, true);
  checkBoolean(d['pauseReschedule'], `${path}.pauseReschedule`);
  checkText(d['pauseKey'], `${path}.pauseKey`, true);
  checkBoolean(d['refreshCache'], `${path}.refreshCache`, true);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
