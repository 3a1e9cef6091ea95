/**
 * `generateEntry`: the enter and exit code of one rule or transform class, generated
 * at run time (with `new Function`) once `orchestrate` has entered the class a few
 * times (class-entry.ts).
 *
 * Why per class: the generic `enter`/`exit` on the base classes is one piece of code
 * for every class, so its property loads and hook calls see a dozen classes and V8
 * leaves them megamorphic (slow lookups, nothing inlined). The same code compiled once
 * per class sees one class at every site: `Rule.FROM_STATES`, the hooks, the instance's
 * fields and the constructor call are all monomorphic. The code is the same text for
 * every class except for the names in it.
 *
 * Each variant below does exactly what the base classes' generic path does
 * (`OrchestrationRule.enter`/`exit`, `UniversalTransform.enter`/`exit`, and the
 * hookless scopes of open-scope.ts), reading and writing the same internal fields, so
 * that a rule's `invalid()`, `fizzled()` and `toType` answer the same afterwards; the
 * cold paths (a hook that failed or returned a promise) call the instance's own
 * internal methods. The runtime's tests run both paths (test/src/class-entry.test.ts).
 *
 * Why at run time rather than by the compiler: the code reads the base classes'
 * internal fields, which generated modules must not depend on (they import only the
 * public API, and a runtime upgrade must not require regenerating), and the code is
 * per class, so it belongs with the class, not with each policy that lists it.
 * Internal: not exported from the package.
 */
import { isPromiseLike } from './maybe-promise.ts';
import type { ReadOnlyCell } from './read-only-hooks.ts';
import type { RuleClass } from './rule-class.ts';

/**
 * How a class is entered:
 * - `hooklessRule`, `hooklessTransform`: the class overrides nothing, so it is not
 *   constructed; only the bookkeeping runs (validity, signatures);
 * - `rule`, `transform`: it overrides hooks only: constructed, and entered by
 *   generated code that calls its hooks;
 * - `constructed`: anything else (it overrides `enter`, `exit` or a method they rely
 *   on, or is not a subclass of the base classes): constructed, and its own `enter`
 *   and `exit` are called.
 */
export type EntryShape =
  'hooklessRule' | 'hooklessTransform' | 'rule' | 'transform' | 'constructed';

/** Enter and exit, as `ClassEntry` (class-entry.ts) calls them. */
export type EntryFunctions = readonly [
  enter: (site: unknown) => void | Promise<void>,
  exit: (handle: unknown, site: unknown) => void | Promise<void>,
];

/** What generated code may use, passed in as parameters: it closes over nothing else. */
export interface EntryDependencies {
  /** The hook methods of the base class, to tell an inherited hook from an override. */
  base: { beforeTransition: unknown; afterTransition: unknown; cleanup?: unknown };
  readOnly: ReadOnlyCell;
}

let generatedCount = 0;

/**
 * Compiles the entry code of `Rule` for `shape`. Throws whatever `new Function`
 * throws where code generation is forbidden (an `EvalError` under a content-security
 * policy without `unsafe-eval`, or `node --disallow-code-generation-from-strings`).
 */
export function generateEntry(
  Rule: RuleClass,
  shape: EntryShape,
  dependencies: EntryDependencies,
): EntryFunctions {
  // The class name (made an identifier) and a serial number make each source unique
  // (so that no compilation cache keyed on source text can hand two classes one
  // compiled function, and with it one type feedback) and name the functions in stack
  // traces and profiles.
  const id = `${String(Rule.name).replace(/[^A-Za-z0-9_$]/g, '_') || 'anonymous'}_${++generatedCount}`;
  const source =
    `'use strict';\n${SOURCES[shape](id)}\n` + `//# sourceURL=policy-matrix-entry/${id}.js\n`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: the class's own enter/exit, compiled for speed (see the header)
  const build = new Function('Rule', 'base', 'readOnly', 'isPromiseLike', source) as (
    Rule: RuleClass,
    base: EntryDependencies['base'],
    readOnly: ReadOnlyCell,
    isPromiseLike: (value: unknown) => boolean,
  ) => EntryFunctions;
  return build(Rule, dependencies.base, dependencies.readOnly, isPromiseLike);
}

// `site` is the nest (orchestrate.ts): `context`, `from` and `to` of the intended
// transition, and `opened`, where enter leaves the handle exit gets back. Every body
// returns `[enter, exit]`. Every exit also accepts the handle of a scope entered on the
// generic path before the class's code was generated (class-entry.ts): the same
// instance for constructed classes, a hookless scope object for hookless ones.
const SOURCES: Record<EntryShape, (id: string) => string> = {
  // HooklessRuleScope (open-scope.ts). The handle is whether the rule was valid at
  // entry; without hooks it cannot mutate, so that decides its validity for good.
  hooklessRule: (id) => `
function enter_${id}(site) {
  const context = site.context;
  const from = site.from;
  const to = site.to;
  const valid =
    Rule.FROM_STATES.has(from) && Rule.TO_STATES.has(to) &&
    from === context.initialStateType && to === context.proposedStateType;
  site.opened = valid;
  if (valid) context.ruleSignature.push(Rule.name);
}
function exit_${id}(valid, site) {
  // A scope entered on the generic path, before this code existed, exits through it.
  if (typeof valid !== 'boolean') return valid.exit();
  const context = site.context;
  if (valid && site.from === context.initialStateType && site.to === context.proposedStateType) {
    context.finalizationSignature.push(Rule.name);
  }
}
return [enter_${id}, exit_${id}];`,

  // HooklessTransformScope (open-scope.ts).
  hooklessTransform: (id) => `
function enter_${id}(site) {
  site.opened = null;
  site.context.ruleSignature.push(Rule.name);
}
function exit_${id}(_, site) {
  const context = site.context;
  if (context.orchestrationError === null) context.finalizationSignature.push(Rule.name);
}
return [enter_${id}, exit_${id}];`,

  // OrchestrationRule.enter / exit, with invalid(), fizzled() and the hook runners
  // written out.
  rule: (id) => `
function enter_${id}(site) {
  const context = site.context;
  const rule = new Rule(context, site.from, site.to);
  site.opened = rule;
  const from = rule._fromType;
  const to = rule._toType;
  if (
    !Rule.FROM_STATES.has(from) || !Rule.TO_STATES.has(to) ||
    from !== context.initialStateType || to !== context.proposedStateType
  ) {
    rule._invalidOnEntry = true;
    return;
  }
  rule._invalidOnEntry = false;
  if (rule.beforeTransition === base.beforeTransition) {
    context.ruleSignature.push(Rule.name);
    return;
  }
  let pending;
  try {
    if (readOnly.value) {
      pending = rule.beforeTransition(context.initialState, context.proposedState, context);
    } else {
      const copies = context.entryContext();
      pending = rule.beforeTransition(copies[0], copies[1], copies[2]);
    }
  } catch (error) {
    rule._beforeFailed(error);
    return;
  }
  if (pending !== undefined && isPromiseLike(pending)) return rule._settleBefore(pending);
  context.ruleSignature.push(Rule.name);
}
function exit_${id}(rule, site) {
  const context = rule._context;
  if (!Rule.FROM_STATES.has(rule._fromType) || !Rule.TO_STATES.has(rule._toType)) {
    rule._invalidOnEntry = true;
  }
  if (rule._invalidOnEntry === null) {
    rule._invalidOnEntry =
      rule._fromType !== context.initialStateType || rule._toType !== context.proposedStateType;
  }
  if (rule._invalidOnEntry) return;
  if (rule._fromType !== context.initialStateType || rule._toType !== context.proposedStateType) {
    if (rule.cleanup === base.cleanup) return;
    let cleaning;
    if (readOnly.value) {
      cleaning = rule.cleanup(context.initialState, context.validatedState, context);
    } else {
      const copies = context.exitContext();
      cleaning = rule.cleanup(copies[0], copies[1], copies[2]);
    }
    if (cleaning !== undefined && isPromiseLike(cleaning)) return rule._settleCleanup(cleaning);
    return;
  }
  if (rule.afterTransition === base.afterTransition) {
    context.finalizationSignature.push(Rule.name);
    return;
  }
  let pending;
  if (readOnly.value) {
    pending = rule.afterTransition(context.initialState, context.validatedState, context);
  } else {
    const copies = context.exitContext();
    pending = rule.afterTransition(copies[0], copies[1], copies[2]);
  }
  if (pending !== undefined && isPromiseLike(pending)) return rule._settleAfter(pending);
  context.finalizationSignature.push(Rule.name);
}
return [enter_${id}, exit_${id}];`,

  // UniversalTransform.enter / exit, with exceptionInTransition() written out.
  transform: (id) => `
function enter_${id}(site) {
  const transform = new Rule(site.context, site.from, site.to);
  site.opened = transform;
  const context = transform.context;
  if (transform.beforeTransition === base.beforeTransition) {
    context.ruleSignature.push(Rule.name);
    return;
  }
  const pending = transform.beforeTransition(context);
  if (pending !== undefined && isPromiseLike(pending)) return transform._settleBefore(pending);
  context.ruleSignature.push(Rule.name);
}
function exit_${id}(transform, site) {
  const context = transform.context;
  if (context.orchestrationError !== null) return;
  if (transform.afterTransition === base.afterTransition) {
    context.finalizationSignature.push(Rule.name);
    return;
  }
  const pending = transform.afterTransition(context);
  if (pending !== undefined && isPromiseLike(pending)) return transform._settleAfter(pending);
  context.finalizationSignature.push(Rule.name);
}
return [enter_${id}, exit_${id}];`,

  // `new Rule(…)`, then its own enter and exit.
  constructed: (id) => `
function enter_${id}(site) {
  const scope = new Rule(site.context, site.from, site.to);
  site.opened = scope;
  return scope.enter();
}
function exit_${id}(scope, site) {
  return scope.exit();
}
return [enter_${id}, exit_${id}];`,
};
