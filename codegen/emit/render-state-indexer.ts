/**
 * Rendering a `StateHashPlan` as the generated module's `code(state)` function: the
 * state's index for a name of the policy, the last index for `null`, and a `TypeError`
 * (from the runtime's `throwUnknownState`) for anything else. Expects the module to
 * declare `states` (the universe, frozen) and `policyName`.
 *
 * Lookups never read the frozen `states`: V8 (Node 20) loads elements of frozen arrays
 * several times slower than those of ordinary arrays, so the indexer keeps its own
 * unexported copy.
 */
import { docComment } from './doc-comment.ts';
import type { HashPosition, StateHashPlan } from './state-hash-plan.ts';

/** The indexer's declarations, for a universe of `stateCount` names plus `null`. */
export function renderStateIndexer(plan: StateHashPlan, stateCount: number): string {
  const nullCode = stateCount;
  const unknown = 'return throwUnknownState(policyName, state, states);';
  switch (plan.kind) {
    case 'empty':
      return `
/** \`code(state)\`: the policy has no state types, so only \`null\` (code 0) has a code. */
function code(state: string | null): number {
  if (state === null) return 0;
  ${unknown}
}`;
    case 'single':
      return `
/** \`code(state)\`: one state type (code 0), then \`null\` (code 1). One string comparison. */
const only = states[0];

function code(state: string | null): number {
  if (state === null) return 1;
  if (state === only) return 0;
  ${unknown}
}`;
    case 'map':
      return `
/**
 * \`code(state)\`: the state's index. These names share their length and most characters, so no
 * few positions tell them apart; a \`Map\` looks them up instead (still constant time).
 */
const codes = new Map<string, number>(states.slice(0, ${stateCount}).map((state, index) => [state as string, index]));

function code(state: string | null): number {
  if (typeof state === 'string') {
    const index = codes.get(state);
    if (index !== undefined) return index;
  } else if (state === null) {
    return ${nullCode};
  }
  ${unknown}
}`;
    case 'hash': {
      const table =
        stateCount < 255 ? 'Uint8Array' : stateCount < 65535 ? 'Uint16Array' : 'Uint32Array';
      const terms = [`state.length * ${hex(plan.lengthFactor)}`, ...plan.positions.map(term)].join(
        ' + ',
      );
      const read =
        plan.positions.length === 0
          ? 'their length'
          : `their length and the character codes at ${plan.positions.map(describePosition).join(', ')}`;
      const doc = docComment(
        `\`code(state)\`: a perfect hash over the policy's ${stateCount} state names (${read}), found at build time so that no two names share a slot, verified by one string comparison. \`null\` is code ${nullCode}; unknown states throw a \`TypeError\`.`,
      );
      return `
${doc}
function slotOf(state: string): number {
  return Math.imul(${terms}, ${hex(plan.seed)}) >>> ${32 - plan.bits};
}

const keys = states.slice();
const slots = new ${table}(${2 ** plan.bits}).fill(${nullCode});
for (let index = 0; index < ${stateCount}; index++) slots[slotOf(keys[index] as string)] = index;

function code(state: string | null): number {
  if (typeof state === 'string') {
    const index = slots[slotOf(state)] as number;
    if (keys[index] === state) return index;
  } else if (state === null) {
    return ${nullCode};
  }
  ${unknown}
}`;
    }
  }
}

function term(position: HashPosition): string {
  const index = position.fromEnd ? `state.length - ${position.offset}` : String(position.offset);
  const read = `state.charCodeAt(${index})`;
  return `${position.guard ? `(${read} | 0)` : read} * ${hex(position.factor)}`;
}

function describePosition(position: HashPosition): string {
  return position.fromEnd ? `${position.offset} from the end` : `position ${position.offset}`;
}

function hex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`;
}
