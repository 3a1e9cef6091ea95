/**
 * The `dump --json` contract: every policy's name, source, states (null
 * last), priority and every `(from, to)` cell exactly once, row-major; policies sorted
 * by name. Rule names are class names; `null` is JSON `null`.
 */
export interface DumpContract {
  policies: DumpPolicy[];
}

export interface DumpPolicy {
  name: string;
  source: string;
  states: (string | null)[];
  priority: string[];
  cells: DumpCell[];
}

export interface DumpCell {
  from: string | null;
  to: string | null;
  rules: string[];
}
