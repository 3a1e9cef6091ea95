/**
 * A port of Prefect's `BaseUniversalTransform`: privileged bookkeeping entered like a
 * rule but with no validity check, no copies (it gets the real context) and no
 * cleanup. Part of the benchmark's Prefect baseline.
 *
 * - `aenter`: `await beforeTransition(context)`, append to the rule signature;
 * - `aexit`: unless an orchestration error is recorded, `await afterTransition(context)`
 *   and append to the finalization signature.
 */
import {
  ALL_ORCHESTRATION_STATES,
  type OrchestrationContext,
  type StateName,
  type StateSet,
} from '../../../src/index.ts';
import type { AsyncContextManager } from './async-exit-stack.ts';

export abstract class PrefectUniversalTransform<
  C extends OrchestrationContext<any> = OrchestrationContext<any>,
> implements AsyncContextManager<C> {
  /** Prefect's `ALL_ORCHESTRATION_STATES`: the nine types and null, a real set. */
  static FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;

  // Declared, not defined, for the reason given in prefect-rule.ts.
  declare context: C;
  declare fromStateType: StateName | null;
  declare toStateType: StateName | null;

  constructor(context: C, fromStateType: StateName | null, toStateType: StateName | null) {
    this.context = context;
    this.fromStateType = fromStateType;
    this.toStateType = toStateType;
  }

  async aenter(): Promise<C> {
    await this.beforeTransition(this.context);
    this.context.ruleSignature.push(this.constructor.name);
    return this.context;
  }

  async aexit(_error: unknown): Promise<void> {
    if (!this.exceptionInTransition()) {
      await this.afterTransition(this.context);
      this.context.finalizationSignature.push(this.constructor.name);
    }
  }

  async beforeTransition(_context: C): Promise<void> {}

  async afterTransition(_context: C): Promise<void> {}

  nullifiedTransition(): boolean {
    return this.context.proposedState === null;
  }

  exceptionInTransition(): boolean {
    return this.context.orchestrationError !== null;
  }
}
