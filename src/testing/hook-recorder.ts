/**
 * `HookRecorder`: records every hook a rule or transform instance runs, with a
 * snapshot of the real context taken just before the hook ran, and the validation
 * step of a nest. For assertions on order and on what each hook saw.
 */
import type { OrchestrationContext } from '../orchestration-context.ts';
import type { TransitionScope } from '../rule-class.ts';
import { snapshotContext, type ContextSnapshot } from './context-snapshot.ts';

/** The hooks a recorder sees: the three rule hooks (transforms have the first two) and validation. */
export type RecordedHook = 'beforeTransition' | 'afterTransition' | 'cleanup' | 'validate';

export interface RecordedCall {
  /** `"<Class>.<hook>"`, or `"validate"` for the nest's validation step. */
  name: string;
  /** The class name of the rule or transform; null for validation. */
  scope: string | null;
  hook: RecordedHook;
  /** The real context just before the hook (or validation) ran. */
  snapshot: ContextSnapshot;
}

const HOOKS = ['beforeTransition', 'afterTransition', 'cleanup'] as const;

export class HookRecorder {
  /** Every recorded call, in the order they happened. */
  readonly calls: RecordedCall[] = [];

  /** The names of the recorded calls, in order: `['MyRule.beforeTransition', 'validate', …]`. */
  names(): string[] {
    return this.calls.map((call) => call.name);
  }

  /** The calls of one hook of one class (by class name), in order. */
  callsOf(scope: string, hook: RecordedHook): RecordedCall[] {
    return this.calls.filter((call) => call.scope === scope && call.hook === hook);
  }

  /**
   * Starts recording the hooks of `instance`, which runs on `context`: each of its
   * `beforeTransition`, `afterTransition` and `cleanup` methods is wrapped on the
   * instance. A hook the class does not override is then called (and recorded) as the
   * no-op it is, where the runtime would skip the call: the outcome is the same.
   * `enterNest` calls this for every instance when given a recorder.
   */
  attach(instance: TransitionScope, context: OrchestrationContext<any>): void {
    const scope = instance.constructor.name;
    const methods = instance as unknown as Record<string, unknown>;
    for (const hook of HOOKS) {
      const original = methods[hook];
      if (typeof original !== 'function') continue;
      methods[hook] = (...args: unknown[]): unknown => {
        this.calls.push({
          name: `${scope}.${hook}`,
          scope,
          hook,
          snapshot: snapshotContext(context),
        });
        return (original as (...a: unknown[]) => unknown).apply(instance, args);
      };
    }
  }

  /** Records the validation step of a nest (called by `enterNest`'s `validate`). */
  recordValidation(context: OrchestrationContext<any>): void {
    this.calls.push({
      name: 'validate',
      scope: null,
      hook: 'validate',
      snapshot: snapshotContext(context),
    });
  }
}
