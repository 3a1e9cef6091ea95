/**
 * How reports show a state of a policy's universe. `null` ("no state") is shown as
 * `∅`: it is one character wide, which keeps 65-column matrices and heatmap axes
 * narrow, and it reads as "empty" in both roles (no state yet as *from*, nothing
 * written as *to*). Markdown shows state names in code spans and `∅` outside them, and
 * the heatmap sets `∅` in italics, so a state that is literally named "∅" or "null"
 * stays distinguishable. Diffs and the CLI write `null`, the word a user types.
 */
import { printableName } from '../text/escape.ts';

/** The label of the `null` state in reports. */
export const NULL_STATE_LABEL = '∅';

/** The label of a state: `∅` for `null`, else its printable name. Pure. */
export function stateLabel(state: string | null): string {
  return state === null ? NULL_STATE_LABEL : printableName(state);
}
