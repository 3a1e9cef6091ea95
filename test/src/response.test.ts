/**
 * Response statuses and details: the four variants, their
 * constructors, and parsing that keeps the variant it is given.
 */
import { describe, expect, it } from 'vitest';
import {
  abortDetails,
  acceptDetails,
  parseStateResponseDetails,
  rejectDetails,
  SetStateStatus,
  waitDetails,
  type StateResponseDetails,
} from '../../src/index.ts';

describe('SetStateStatus', () => {
  it('lists ACCEPT, REJECT, ABORT, WAIT in declaration order, values equal to names', () => {
    expect(Object.entries(SetStateStatus)).toEqual([
      ['ACCEPT', 'ACCEPT'],
      ['REJECT', 'REJECT'],
      ['ABORT', 'ABORT'],
      ['WAIT', 'WAIT'],
    ]);
  });
});

describe('details constructors', () => {
  it('build each variant with its discriminator', () => {
    expect(acceptDetails()).toEqual({ type: 'accept_details' });
    expect(rejectDetails('r')).toEqual({ type: 'reject_details', reason: 'r' });
    expect(abortDetails('a')).toEqual({ type: 'abort_details', reason: 'a' });
    expect(waitDetails(42, 'w')).toEqual({ type: 'wait_details', delaySeconds: 42, reason: 'w' });
  });

  it('default the reason to null', () => {
    expect(rejectDetails()).toEqual({ type: 'reject_details', reason: null });
    expect(abortDetails()).toEqual({ type: 'abort_details', reason: null });
    expect(waitDetails(1)).toEqual({ type: 'wait_details', delaySeconds: 1, reason: null });
  });
});

describe(parseStateResponseDetails.name, () => {
  const variants: StateResponseDetails[] = [
    acceptDetails(),
    rejectDetails('rejected'),
    rejectDetails(),
    abortDetails('aborted'),
    abortDetails(),
    waitDetails(300, 'waiting'),
    waitDetails(0),
  ];

  it.each(variants)('keeps the variant it is given through JSON: %j', (details) => {
    const parsed = parseStateResponseDetails(JSON.parse(JSON.stringify(details)));
    expect(parsed).toEqual(details);
    expect(parsed.type).toBe(details.type);
  });

  it('never coerces a reject into an abort or an abort into a reject', () => {
    expect(parseStateResponseDetails({ type: 'reject_details', reason: 'x' }).type).toBe(
      'reject_details',
    );
    expect(parseStateResponseDetails({ type: 'abort_details', reason: 'x' }).type).toBe(
      'abort_details',
    );
  });

  it('reads the wire spelling delay_seconds, and a missing reason as null', () => {
    expect(parseStateResponseDetails({ type: 'wait_details', delay_seconds: 5 })).toEqual(
      waitDetails(5),
    );
    expect(parseStateResponseDetails({ type: 'reject_details' })).toEqual(rejectDetails());
  });

  it('keeps accept details bare, whatever else the input carries', () => {
    expect(parseStateResponseDetails({ type: 'accept_details', reason: 42 })).toEqual({
      type: 'accept_details',
    });
  });

  it.each([
    [null, 'Response details must be an object with a "type", got null.'],
    ['accept_details', 'Response details must be an object with a "type", got "accept_details".'],
    [[], 'Response details must be an object with a "type", got [].'],
    [undefined, 'Response details must be an object with a "type", got undefined.'],
    [
      {},
      'Unknown response details type undefined: expected accept_details, reject_details, abort_details or wait_details.',
    ],
    [
      { type: 'ACCEPT' },
      'Unknown response details type "ACCEPT": expected accept_details, reject_details, abort_details or wait_details.',
    ],
    [
      { type: 'reject_details', reason: 3 },
      'Response details "reason" must be a string or null, got 3.',
    ],
    [
      { type: 'abort_details', reason: { text: 'x' } },
      'Response details "reason" must be a string or null, got {"text":"x"}.',
    ],
    [{ type: 'wait_details' }, 'Wait details need an integer "delaySeconds", got undefined.'],
    [
      { type: 'wait_details', delaySeconds: 1.5 },
      'Wait details need an integer "delaySeconds", got 1.5.',
    ],
    [
      { type: 'wait_details', delaySeconds: '5' },
      'Wait details need an integer "delaySeconds", got "5".',
    ],
    [
      { type: 'wait_details', delaySeconds: 5, reason: false },
      'Response details "reason" must be a string or null, got false.',
    ],
  ])('rejects %j with a TypeError', (input, message) => {
    expect(() => parseStateResponseDetails(input)).toThrow(new TypeError(message));
  });

  it('describes a BigInt delay without failing to serialise it', () => {
    expect(() => parseStateResponseDetails({ type: 'wait_details', delaySeconds: 5n })).toThrow(
      new TypeError('Wait details need an integer "delaySeconds", got 5.'),
    );
  });
});
