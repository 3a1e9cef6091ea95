/**
 * `DemoSummary`: tallies what the engine reports (one `TransitionRecord` per committed
 * orchestration) and what the store ends with, and renders the demo's tables.
 */
import { SetStateStatus, type StateName } from '../../src/index.ts';
import {
  ORION_POLICY_CLASSES,
  type InMemoryStoreContents,
  type RunKind,
  type TransitionRecord,
} from '../../src/orion/index.ts';
import { textTable } from './text-table.ts';

const STATUSES = Object.values(SetStateStatus);

export class DemoSummary {
  readonly #statuses = new Map<RunKind, Map<string, number>>();
  readonly #before = new Map<string, number>();
  readonly #after = new Map<string, number>();
  #transitions = 0;

  /** Pass as the engine's `onTransition`. */
  readonly record = (record: TransitionRecord): void => {
    this.#transitions++;
    const byStatus = this.#statuses.get(record.kind) ?? new Map<string, number>();
    this.#statuses.set(record.kind, byStatus);
    bump(byStatus, record.result.status);
    for (const name of record.ruleSignature) bump(this.#before, name);
    for (const name of record.finalizationSignature) bump(this.#after, name);
  };

  get transitions(): number {
    return this.#transitions;
  }

  /** Responses by run kind and status. */
  statusTable(): string {
    const rows = (['flow', 'task'] as const).map((kind) => {
      const counts = STATUSES.map((status) => this.#statuses.get(kind)?.get(status) ?? 0);
      return [kind, ...counts, counts.reduce((a, b) => a + b, 0)];
    });
    return textTable(['run kind', ...STATUSES, 'total'], rows);
  }

  /** Final state types of every run, by kind. */
  finalStateTable({ flowRuns, taskRuns }: InMemoryStoreContents): string {
    const types = new Map<RunKind, Map<string, number>>([
      ['flow', tally(flowRuns.map((run) => run.stateType))],
      ['task', tally(taskRuns.map((run) => run.stateType))],
    ]);
    const columns = [
      ...new Set([...types.values()].flatMap((counts) => [...counts.keys()])),
    ].sort();
    const rows = (['flow', 'task'] as const).map((kind) => {
      const counts = columns.map((column) => types.get(kind)?.get(column) ?? 0);
      return [kind, ...counts, counts.reduce((a, b) => a + b, 0)];
    });
    return textTable(['run kind', ...columns, 'total'], rows);
  }

  /** How many validated states carried each conventional name (Cached, Retrying, …). */
  stateNameTable({ states }: InMemoryStoreContents): string {
    const names = tally(states.map((row) => `${row.runKind}: ${row.state.name}`));
    const rows = [...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return textTable(['states written, by name', 'count'], rows);
  }

  /**
   * How often each rule and transform of the six bundled policies fired, in priority
   * order: its before hook completed (`ruleSignature`), its after hook ran
   * (`finalizationSignature`). Cleanups are never listed.
   */
  ruleTable(): string {
    const names: string[] = [];
    for (const policy of Object.values(ORION_POLICY_CLASSES)) {
      for (const rule of policy.priority()) if (!names.includes(rule.name)) names.push(rule.name);
    }
    const rows = names.map((name) => [
      name,
      this.#before.get(name) ?? 0,
      this.#after.get(name) ?? 0,
    ]);
    return textTable(['rule or transform', 'before', 'after'], rows);
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function tally(values: readonly (StateName | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) bump(counts, value ?? '(no state)');
  return counts;
}
