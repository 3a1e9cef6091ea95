/**
 * `classEntry`: how `orchestrate` enters and exits one rule or transform class, decided
 * once per class and cached (a `WeakMap` on the class, and one on each frozen rule
 * list, such as a generated matrix's cells, so that a transition looks its entries up
 * once per list rather than once per class).
 *
 * The entry is code generated for the class (generated-entry.ts) where the platform
 * allows code generation, probed once with `new Function`; where it does not (a
 * content-security policy without `unsafe-eval`, `node
 * --disallow-code-generation-from-strings`), or should generating a class's code fail,
 * it is the generic path: `openScope` (open-scope.ts), then the scope's own `enter`
 * and `exit`. Both behave identically; the generated one is faster.
 * Internal: not exported from the package.
 */
import { generateEntry, type EntryFunctions, type EntryShape } from './generated-entry.ts';
import { openScope } from './open-scope.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import { OrchestrationRule } from './orchestration-rule.ts';
import { readOnlyCell } from './read-only-hooks.ts';
import type { RuleClass, TransitionScope } from './rule-class.ts';
import type { StateName } from './state-type.ts';
import { UniversalTransform } from './universal-transform.ts';

/** What an entry sees of the nest it is entered in (the nest itself, orchestrate.ts). */
export interface EntrySite {
  readonly context: OrchestrationContext<any>;
  /** The intended transition. */
  readonly from: StateName | null;
  readonly to: StateName | null;
  /** Where `enter` leaves the handle that `exit` gets back. */
  opened: unknown;
}

export interface ClassEntry {
  /**
   * Opens the class's scope for the site's intended transition and enters it, leaving
   * the handle in `site.opened`. Returns a promise only when a hook returned one; it
   * rejects only when a transform's before hook rejects. Throws what a transform's
   * before hook throws (a rule's before hook errors are recorded instead).
   */
  readonly enter: (site: EntrySite) => void | Promise<void>;
  /** Exits the scope `handle` opened. Returns a promise only when a hook returned one. */
  readonly exit: (handle: unknown, site: EntrySite) => void | Promise<void>;
  /** True for code generated for the class; false for the generic path. */
  readonly generated: boolean;
}

let byClass = new WeakMap<RuleClass, ClassEntry>();
let byList = new WeakMap<readonly RuleClass[], readonly ClassEntry[]>();
let codeGeneration: boolean | null = null;

/** The entry of `Rule`, made on first use. */
export function classEntry(Rule: RuleClass): ClassEntry {
  let entry = byClass.get(Rule);
  if (entry === undefined) {
    entry = makeEntry(Rule);
    byClass.set(Rule, entry);
  }
  return entry;
}

/**
 * The entries of `rules`, in order: cached on the list when it is frozen (a frozen
 * list cannot change, so neither can its entries), built afresh otherwise.
 */
export function classEntries(rules: readonly RuleClass[]): readonly ClassEntry[] {
  let entries = byList.get(rules);
  if (entries === undefined) {
    entries = rules.map(classEntry);
    if (Object.isFrozen(rules)) byList.set(rules, entries);
  }
  return entries;
}

/**
 * @internal For tests: forgets every entry and the probe, so that the next use probes
 * code generation again (a test stubs `Function` to play a platform that forbids it).
 */
export function forgetClassEntries(): void {
  byClass = new WeakMap();
  byList = new WeakMap();
  codeGeneration = null;
}

function makeEntry(Rule: RuleClass): ClassEntry {
  const shape = shapeOf(Rule);
  if (canGenerateCode()) {
    let functions: EntryFunctions | null = null;
    try {
      functions = generateEntry(Rule, shape, {
        base: Rule.prototype instanceof UniversalTransform ? TRANSFORM_BASE : RULE_BASE,
        readOnly: readOnlyCell(Rule),
      });
    } catch {
      // Code generation failed for this class only (it was allowed by the probe):
      // the generic path below does the same work.
    }
    if (functions !== null) return { enter: functions[0], exit: functions[1], generated: true };
  }
  return {
    enter(site) {
      const scope = openScope(Rule, site.context, site.from, site.to);
      site.opened = scope;
      return scope.enter();
    },
    exit(scope) {
      return (scope as TransitionScope).exit();
    },
    generated: false,
  };
}

function canGenerateCode(): boolean {
  if (codeGeneration === null) {
    try {
      codeGeneration = new Function('return true')() === true;
    } catch {
      codeGeneration = false;
    }
  }
  return codeGeneration;
}

const RULE_BASE = {
  beforeTransition: OrchestrationRule.prototype.beforeTransition,
  afterTransition: OrchestrationRule.prototype.afterTransition,
  cleanup: OrchestrationRule.prototype.cleanup,
};
const TRANSFORM_BASE = {
  beforeTransition: UniversalTransform.prototype.beforeTransition,
  afterTransition: UniversalTransform.prototype.afterTransition,
};

const RULE_HOOKS = ['beforeTransition', 'afterTransition', 'cleanup'] as const;
/** The methods the generated rule code writes out instead of calling. */
const RULE_MACHINERY = ['enter', 'exit', 'invalid', 'fizzled'] as const;
const TRANSFORM_HOOKS = ['beforeTransition', 'afterTransition'] as const;
/** The methods the generated transform code writes out instead of calling. */
const TRANSFORM_MACHINERY = ['enter', 'exit', 'exceptionInTransition'] as const;

function shapeOf(Rule: RuleClass): EntryShape {
  const proto = Rule.prototype as Record<string, unknown>;
  const inherits = (base: object, names: readonly string[]): boolean =>
    names.every((name) => proto[name] === (base as Record<string, unknown>)[name]);
  if (proto instanceof OrchestrationRule) {
    const base = OrchestrationRule.prototype;
    if (!inherits(base, RULE_MACHINERY)) return 'constructed';
    return inherits(base, RULE_HOOKS) ? 'hooklessRule' : 'rule';
  }
  if (proto instanceof UniversalTransform) {
    const base = UniversalTransform.prototype;
    if (!inherits(base, TRANSFORM_MACHINERY)) return 'constructed';
    return inherits(base, TRANSFORM_HOOKS) ? 'hooklessTransform' : 'transform';
  }
  return 'constructed';
}
