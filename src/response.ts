/**
 * Response statuses and details (Prefect's `SetStateStatus` and `StateResponseDetails`,
 * docs/orchestration-semantics.md#mutations-and-response-statuses): the outcome of one
 * orchestration, as a discriminated union on `type`.
 */
import type { State } from './state.ts';

/** The response statuses, in declaration order. */
export const SetStateStatus = {
  ACCEPT: 'ACCEPT',
  REJECT: 'REJECT',
  ABORT: 'ABORT',
  WAIT: 'WAIT',
} as const;

export type SetStateStatus = (typeof SetStateStatus)[keyof typeof SetStateStatus];

export interface AcceptDetails {
  readonly type: 'accept_details';
}
export interface RejectDetails {
  readonly type: 'reject_details';
  readonly reason: string | null;
}
export interface AbortDetails {
  readonly type: 'abort_details';
  readonly reason: string | null;
}
export interface WaitDetails {
  readonly type: 'wait_details';
  /** Whole seconds to wait before proposing again. */
  readonly delaySeconds: number;
  readonly reason: string | null;
}

export type StateResponseDetails = AcceptDetails | RejectDetails | AbortDetails | WaitDetails;

/** What an orchestration returns: the validated state (or null), the status and details. */
export interface OrchestrationResult {
  state: State | null;
  status: SetStateStatus;
  details: StateResponseDetails;
}

export const acceptDetails = (): AcceptDetails => ({ type: 'accept_details' });
export const rejectDetails = (reason: string | null = null): RejectDetails => ({
  type: 'reject_details',
  reason,
});
export const abortDetails = (reason: string | null = null): AbortDetails => ({
  type: 'abort_details',
  reason,
});
export const waitDetails = (delaySeconds: number, reason: string | null = null): WaitDetails => ({
  type: 'wait_details',
  delaySeconds,
  reason,
});

/**
 * Parses serialised details (for example from JSON), keeping the variant named by its
 * `type` discriminator: it never coerces one variant into another. Accepts the wire
 * spelling `delay_seconds` as well as `delaySeconds`; a missing `reason` is null.
 * Throws a `TypeError` saying what is wrong for anything that is not exactly one
 * variant: not an object, an unknown `type`, a `reason` that is not a string or null,
 * a wait without an integer delay.
 */
export function parseStateResponseDetails(value: unknown): StateResponseDetails {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Response details must be an object with a "type", got ${show(value)}.`);
  }
  const record = value as Record<string, unknown>;
  switch (record.type) {
    case 'accept_details':
      return acceptDetails();
    case 'reject_details':
      return rejectDetails(parseReason(record));
    case 'abort_details':
      return abortDetails(parseReason(record));
    case 'wait_details': {
      const delay = record.delaySeconds ?? record.delay_seconds;
      if (typeof delay !== 'number' || !Number.isInteger(delay)) {
        throw new TypeError(`Wait details need an integer "delaySeconds", got ${show(delay)}.`);
      }
      return waitDetails(delay, parseReason(record));
    }
    default:
      throw new TypeError(
        `Unknown response details type ${show(record.type)}: expected accept_details, reject_details, abort_details or wait_details.`,
      );
  }
}

function parseReason(record: Record<string, unknown>): string | null {
  const reason = record.reason ?? null;
  if (reason !== null && typeof reason !== 'string') {
    throw new TypeError(`Response details "reason" must be a string or null, got ${show(reason)}.`);
  }
  return reason;
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
