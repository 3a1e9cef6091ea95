/**
 * Evaluating policies: runs inside the evaluation child process (never in the
 * compiler's own process, so every run sees freshly loaded code). Imports the config
 * modules, calls each policy's `priority()` and reads its state set, and asks each
 * rule's FROM/TO sets about every member of the policy's universe.
 *
 * Membership is only ever asked with `has`: a set may be computed, or be `ANY_STATE`,
 * which contains everything and enumerates nothing. Entries are enumerated only to
 * report names that are not states of the policy.
 *
 * Classes are recognised by shape and by the names of their base classes, never by
 * identity with the compiler's copy of the runtime (a project may use its own copy).
 */
import { pathToFileURL } from 'node:url';
import { stringLiteral } from '../text/escape.ts';
import { toThrownError } from '../problem/thrown-error.ts';
import type {
  EvaluationIssue,
  EvaluationRequest,
  EvaluationResponse,
  ExportedFunction,
  PolicyEvaluation,
  RuleEvaluation,
  SetSide,
} from './evaluation.ts';

type AnyFunction = (...args: never[]) => unknown;

/** Imports the requested modules and evaluates the requested policies. */
export async function evaluatePolicies(request: EvaluationRequest): Promise<EvaluationResponse> {
  const moduleErrors: EvaluationResponse['moduleErrors'] = [];
  const namespaces = new Map<string, Record<string, unknown>>();
  for (const module of request.modules) {
    try {
      namespaces.set(module, (await import(pathToFileURL(module).href)) as Record<string, unknown>);
    } catch (error) {
      moduleErrors.push({ module, error: toThrownError(error) });
    }
  }

  const identities = new Map<unknown, number>();
  const exports: ExportedFunction[] = [];
  for (const [module, namespace] of namespaces) {
    for (const exportName of Object.keys(namespace).sort()) {
      const value = namespace[exportName];
      if (typeof value !== 'function') continue;
      let identity = identities.get(value);
      if (identity === undefined) {
        identity = identities.size;
        identities.set(value, identity);
      }
      exports.push({ module, exportName, identity, className: value.name });
    }
  }

  const only = request.only === undefined ? undefined : new Set(request.only);
  const policies: PolicyEvaluation[] = [];
  for (const [value, identity] of identities) {
    const policy = value as AnyFunction & Record<string, unknown>;
    if (!isPolicyClass(policy) || (only !== undefined && !only.has(policy.name))) continue;
    trace('policy', policy.name);
    policies.push(evaluatePolicy(policy, identity, identities, request.dynamicCells === true));
  }
  return { kind: 'evaluate', moduleErrors, exports, policies };
}

/** Tells the parent (through the child's trace channel, when there is one) what runs now. */
function trace(phase: string, subject: string): void {
  const write = (globalThis as Record<symbol, unknown>)[Symbol.for('policy-matrix.trace')];
  if (typeof write === 'function')
    (write as (phase: string, subject: string) => void)(phase, subject);
}

/** A subclass of a class named `OrchestrationPolicy` (not that base itself). */
function isPolicyClass(value: AnyFunction & Record<string, unknown>): boolean {
  return value.name !== 'OrchestrationPolicy' && inheritsFrom(value, 'OrchestrationPolicy');
}

function evaluatePolicy(
  policy: AnyFunction & Record<string, unknown>,
  identity: number,
  identities: ReadonlyMap<unknown, number>,
  dynamicCells: boolean,
): PolicyEvaluation {
  const result: PolicyEvaluation = {
    identity,
    className: policy.name,
    states: undefined,
    rules: [],
    priority: [],
    issues: [],
  };
  const issues = result.issues;
  if (typeof policy.priority !== 'function') {
    issues.push({ kind: 'priority-not-a-list', description: describeValue(policy.priority) });
    return result;
  }

  result.states = readStates(policy, issues);

  let listed: unknown;
  try {
    listed = (policy.priority as () => unknown).call(policy);
  } catch (error) {
    issues.push({ kind: 'priority-threw', error: toThrownError(error) });
    return result;
  }
  if (!isList(listed)) {
    issues.push({ kind: 'priority-not-a-list', description: describeValue(listed) });
    return result;
  }

  const universe: (string | null)[] | undefined =
    result.states === undefined ? undefined : [...result.states, null];
  const known = new Set<string | null>(universe ?? []);
  const ruleIndex = new Map<unknown, number>();
  Array.from(listed).forEach((entry: unknown, index) => {
    if (!isRuleClass(entry)) {
      issues.push({ kind: 'priority-entry-not-a-rule', index, description: describeValue(entry) });
      return;
    }
    let at = ruleIndex.get(entry);
    if (at === undefined) {
      at = result.rules.length;
      ruleIndex.set(entry, at);
      result.rules.push(
        evaluateRule(entry, at, identities.get(entry) ?? null, universe, known, issues),
      );
    }
    result.priority.push(at);
  });

  if (dynamicCells && universe !== undefined && issues.length === 0) {
    result.dynamicCells = readDynamicCells(policy, universe, result, ruleIndex, identities, known);
  }
  return result;
}

/**
 * The policy's state types: its declared `STATES`, checked here (so that problems point
 * at the policy, not at the runtime's own check); without one, `stateTypes()` (the
 * reference set).
 */
function readStates(
  policy: Record<string, unknown>,
  issues: EvaluationIssue[],
): string[] | undefined {
  let declared: unknown;
  try {
    declared =
      policy.STATES === undefined && typeof policy.stateTypes === 'function'
        ? (policy.stateTypes as () => unknown).call(policy)
        : policy.STATES;
  } catch (error) {
    issues.push({ kind: 'states-threw', error: toThrownError(error) });
    return undefined;
  }
  if (!isList(declared)) {
    issues.push({ kind: 'states-not-a-list', description: describeValue(declared) });
    return undefined;
  }
  const states: string[] = [];
  const firstIndex = new Map<string, number>();
  let valid = true;
  Array.from(declared).forEach((state: unknown, index) => {
    if (typeof state !== 'string') {
      issues.push({ kind: 'state-not-a-string', index, description: describeValue(state) });
      valid = false;
    } else if (state === '') {
      issues.push({ kind: 'state-empty', index });
      valid = false;
    } else if (firstIndex.has(state)) {
      issues.push({
        kind: 'state-duplicate',
        name: state,
        first: firstIndex.get(state) as number,
        second: index,
      });
      valid = false;
    } else {
      firstIndex.set(state, index);
      states.push(state);
    }
  });
  return valid ? states : undefined;
}

function evaluateRule(
  rule: AnyFunction & Record<string, unknown>,
  index: number,
  identity: number | null,
  universe: (string | null)[] | undefined,
  known: ReadonlySet<string | null>,
  issues: EvaluationIssue[],
): RuleEvaluation {
  if (identity === null) issues.push({ kind: 'rule-not-exported', rule: index });
  const evaluation: RuleEvaluation = {
    identity,
    className: rule.name,
    kind: inheritsFrom(rule, 'UniversalTransform') ? 'transform' : 'rule',
    from: '',
    to: '',
  };
  evaluation.from = membership(rule, 'FROM_STATES', index, universe, known, issues);
  evaluation.to = membership(rule, 'TO_STATES', index, universe, known, issues);
  return evaluation;
}

/** `1`/`0` per universe member; records any entry of the set that is not in the universe. */
function membership(
  rule: Record<string, unknown>,
  side: SetSide,
  index: number,
  universe: (string | null)[] | undefined,
  known: ReadonlySet<string | null>,
  issues: EvaluationIssue[],
): string {
  const set = rule[side] as { has?: unknown } | undefined;
  if (typeof set !== 'object' || set === null || typeof set.has !== 'function') {
    issues.push({ kind: 'set-not-a-set', rule: index, side, description: describeValue(set) });
    return '';
  }
  if (universe === undefined) return '';
  let bits = '';
  try {
    const has = set.has as (state: string | null) => unknown;
    for (const state of universe) bits += has.call(set, state) ? '1' : '0';
    if (Symbol.iterator in set) {
      for (const entry of set as Iterable<unknown>) {
        if (entry !== null && typeof entry !== 'string') {
          issues.push({
            kind: 'set-entry-invalid',
            rule: index,
            side,
            description: describeValue(entry),
          });
        } else if (!known.has(entry)) {
          // null is in every universe, so an unknown entry is a string
          issues.push({ kind: 'set-entry-unknown', rule: index, side, entry: entry as string });
        }
      }
    }
  } catch (error) {
    issues.push({ kind: 'set-threw', rule: index, side, error: toThrownError(error) });
    return '';
  }
  return bits;
}

function readDynamicCells(
  policy: Record<string, unknown>,
  universe: (string | null)[],
  result: PolicyEvaluation,
  ruleIndex: Map<unknown, number>,
  identities: ReadonlyMap<unknown, number>,
  known: ReadonlySet<string | null>,
): number[][] | undefined {
  const compile = policy.compileTransitionRules as (
    from: string | null,
    to: string | null,
  ) => unknown[];
  const cells: number[][] = [];
  try {
    for (const from of universe) {
      for (const to of universe) {
        cells.push(
          Array.from(compile.call(policy, from, to), (rule) => {
            let at = ruleIndex.get(rule);
            if (at === undefined && isRuleClass(rule)) {
              at = result.rules.length;
              ruleIndex.set(rule, at);
              result.rules.push(
                evaluateRule(
                  rule,
                  at,
                  identities.get(rule) ?? null,
                  universe,
                  known,
                  result.issues,
                ),
              );
            }
            return at ?? -1;
          }),
        );
      }
    }
  } catch (error) {
    result.issues.push({ kind: 'dynamic-filter-threw', error: toThrownError(error) });
    return undefined;
  }
  return cells;
}

function isList(value: unknown): value is Iterable<unknown> {
  return (
    Array.isArray(value) ||
    (typeof value === 'object' &&
      value !== null &&
      Symbol.iterator in value &&
      typeof value !== 'string')
  );
}

/** A function whose FROM/TO are declared (by a rule base class or by hand). */
function isRuleClass(value: unknown): value is AnyFunction & Record<string, unknown> {
  if (typeof value !== 'function') return false;
  if (inheritsFrom(value, 'OrchestrationRule') || inheritsFrom(value, 'UniversalTransform'))
    return true;
  return 'FROM_STATES' in value && 'TO_STATES' in value;
}

/** True when a class named `base` is on `value`'s constructor chain (by name, not identity). */
function inheritsFrom(value: unknown, base: string): boolean {
  for (
    let current = value;
    typeof current === 'function';
    current = Object.getPrototypeOf(current)
  ) {
    if ((current as AnyFunction).name === base) return true;
  }
  return false;
}

/** A short description of a value for messages: `undefined`, `42`, `"x"`, `an object`, `class Foo`. */
function describeValue(value: unknown): string {
  if (
    value === undefined ||
    value === null ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return String(value);
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'function') {
    const text = Function.prototype.toString.call(value);
    const kind = text.startsWith('class') ? 'class' : 'function';
    return value.name === '' ? `an anonymous ${kind}` : `${kind} ${value.name}`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
}
