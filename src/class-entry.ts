/**
 * `classEntry`: how `orchestrate` enters and exits one rule or transform class, cached
 * per class (a `WeakMap` on the class, and one on each frozen rule list, such as a
 * generated matrix's cells, so that a transition looks its entries up once per list
 * rather than once per class).
 *
 * A class starts on the generic path: `openScope` (open-scope.ts), then the scope's own
 * `enter` and `exit`. At its `GENERATE_AFTER`th entry, its entry is replaced by code
 * generated for the class (generated-entry.ts), which does the same work faster; the
 * first few entries spare a class that is used only a handful of times (in tests, or
 * created on the fly) the cost of compiling its code, about as much as a thousand
 * transitions. Where code generation is forbidden (a content-security policy without
 * `unsafe-eval`, `node --disallow-code-generation-from-strings`; probed once, with
 * `new Function`), or should generating a class's code fail, the class stays on the
 * generic path. A scope entered on the generic path exits correctly through generated
 * code (the handles are compatible), so the switch is safe while orchestrations are in
 * flight.
 *
 * How a class is entered is decided from its prototype when its code is generated:
 * patching its methods afterwards is not seen (its hooks are still looked up on every
 * call, so replacing a hook that it overrides is).
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
  enter: (site: EntrySite) => void | Promise<void>;
  /** Exits the scope `handle` opened. Returns a promise only when a hook returned one. */
  exit: (handle: unknown, site: EntrySite) => void | Promise<void>;
  /** True once the entry runs code generated for the class; false on the generic path. */
  generated: boolean;
}

/** The entry at which a class's code is generated. */
const GENERATE_AFTER = 8;

let generateAfter = GENERATE_AFTER;
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
 * code generation again (a test stubs `Function` to play a platform that forbids it);
 * `generateAfter: 1` generates a class's code at its first entry.
 */
export function forgetClassEntries(options: { generateAfter?: number } = {}): void {
  generateAfter = options.generateAfter ?? GENERATE_AFTER;
  byClass = new WeakMap();
  byList = new WeakMap();
  codeGeneration = null;
}

/** A generic entry for `Rule`, which replaces itself with generated code at its turn. */
function makeEntry(Rule: RuleClass): ClassEntry {
  let entries = 0;
  const entry: ClassEntry = {
    enter(site) {
      if (++entries === generateAfter && generate(entry, Rule)) return entry.enter(site);
      // `<any>`: the entry serves every site its class is listed at, so the class's own
      // context type is erased here (`RuleClass<any>`); the site's context is the one
      // the class was listed with.
      const scope = openScope<any>(Rule, site.context, site.from, site.to);
      site.opened = scope;
      return scope.enter();
    },
    exit(scope) {
      return (scope as TransitionScope).exit();
    },
    generated: false,
  };
  return entry;
}

/** Replaces `entry`'s functions with code generated for `Rule`; false where it cannot. */
function generate(entry: ClassEntry, Rule: RuleClass): boolean {
  if (!canGenerateCode()) return false;
  let functions: EntryFunctions;
  try {
    functions = generateEntry(Rule, shapeOf(Rule), {
      base: Rule.prototype instanceof UniversalTransform ? TRANSFORM_BASE : RULE_BASE,
      readOnly: readOnlyCell(Rule),
    });
  } catch {
    // Code generation failed for this class only (the probe allowed it): it stays on
    // the generic path, which does the same work.
    return false;
  }
  entry.enter = functions[0];
  entry.exit = functions[1];
  entry.generated = true;
  return true;
}

function canGenerateCode(): boolean {
  if (codeGeneration === null) {
    try {
      // The probe: whether this platform allows code generation (see the header).
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: per-class code generation for speed, with the generic path where it is forbidden
      codeGeneration = (new Function('return true') as () => unknown)() === true;
    } catch {
      codeGeneration = false;
    }
  }
  return codeGeneration;
}

// The base classes' hooks, compared by identity with a class's own (an inherited hook
// is written out or skipped) and never called through these references.
/* eslint-disable @typescript-eslint/unbound-method -- identity tokens, never called */
const RULE_BASE = {
  beforeTransition: OrchestrationRule.prototype.beforeTransition,
  afterTransition: OrchestrationRule.prototype.afterTransition,
  cleanup: OrchestrationRule.prototype.cleanup,
};
const TRANSFORM_BASE = {
  beforeTransition: UniversalTransform.prototype.beforeTransition,
  afterTransition: UniversalTransform.prototype.afterTransition,
};
/* eslint-enable @typescript-eslint/unbound-method */

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
