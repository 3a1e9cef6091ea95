/**
 * `validateProposedState`: the check `OrionEngine` makes of a proposed state before it
 * opens a transaction, so that every store refuses the same proposals with the same
 * `InvalidInputError` and no orchestration starts on a state a store could not keep.
 * The proposal's `id` and `timestamp` are not checked: the engine replaces them.
 */
import type { State, StateDetails } from '../../state.ts';
import { assertStorableData } from './assert-storable-data.ts';
import { checkBoolean } from './check-number.ts';
import { checkDate } from './check-date.ts';
import { checkKey, checkText, isStorableText } from './check-text.ts';
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
  // Every transition passes here: the common values are accepted without building a
  // field's path, which only an error needs.
  const { type, name, message, data, stateDetails } = state as Partial<
    Record<keyof State, unknown>
  >;
  if (!(typeof type === 'string' && type !== '' && isStorableText(type))) {
    checkText(type, `${path}.type`);
    throw new InvalidInputError(
      'wrong-type',
      `${path}.type`,
      `${path}.type must be a non-empty string, got "".`,
    );
  }
  if (!(typeof name === 'string' && isStorableText(name))) checkText(name, `${path}.name`);
  if (message !== null && !(typeof message === 'string' && isStorableText(message)))
    checkText(message, `${path}.message`, true);
  if (data !== null && data !== undefined) assertStorableData(data, `${path}.data`);
  validateStateDetails(stateDetails, path);
}

function validateStateDetails(details: unknown, statePath: string): void {
  // Straight-line reads of named fields (no loop over names): this runs on every
  // transition, and the path of a field is only built for its error.
  if (!isObject(details)) {
    throw new InvalidInputError(
      'wrong-type',
      detailPath(statePath, ''),
      `${detailPath(statePath, '')} must be an object with every field of StateDetails (createStateDetails() fills the defaults), got ${describeInput(details)}.`,
    );
  }
  const d = details as Partial<Record<keyof StateDetails, unknown>>;
  if (!isTextOrNull(d.flowRunId)) checkText(d.flowRunId, detailPath(statePath, '.flowRunId'), true);
  if (!isTextOrNull(d.taskRunId)) checkText(d.taskRunId, detailPath(statePath, '.taskRunId'), true);
  if (!isTextOrNull(d.childFlowRunId))
    checkText(d.childFlowRunId, detailPath(statePath, '.childFlowRunId'), true);
  if (d.scheduledTime !== null)
    checkDate(d.scheduledTime, detailPath(statePath, '.scheduledTime'), true);
  if (d.cacheKey !== null) checkKey(d.cacheKey, detailPath(statePath, '.cacheKey'), true);
  if (d.cacheExpiration !== null)
    checkDate(d.cacheExpiration, detailPath(statePath, '.cacheExpiration'), true);
  if (typeof d.untrackableResult !== 'boolean')
    checkBoolean(d.untrackableResult, detailPath(statePath, '.untrackableResult'));
  if (d.pauseTimeout !== null)
    checkDate(d.pauseTimeout, detailPath(statePath, '.pauseTimeout'), true);
  if (typeof d.pauseReschedule !== 'boolean')
    checkBoolean(d.pauseReschedule, detailPath(statePath, '.pauseReschedule'));
  if (!isTextOrNull(d.pauseKey)) checkText(d.pauseKey, detailPath(statePath, '.pauseKey'), true);
  if (d.refreshCache !== null && typeof d.refreshCache !== 'boolean')
    checkBoolean(d.refreshCache, detailPath(statePath, '.refreshCache'), true);
}

/** The path of a details field (`''` for the details themselves), built only for an error. */
function detailPath(statePath: string, field: string): string {
  return `${statePath}.stateDetails${field}`;
}

function isTextOrNull(value: unknown): boolean {
  return value === null || (typeof value === 'string' && isStorableText(value));
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
