/**
 * The read step: static discovery (ts-morph) plus evaluation (a child process), joined
 * into plain data. Turns every fact the evaluation reports into a located problem
 * saying what is wrong and how to fix it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ChildTimeoutError,
  formatSeconds,
  runChildTraced,
  type ChildActivity,
} from '../child/run-child.ts';
import { locateConfigKey, type ResolvedConfig } from '../config/resolved-config.ts';
import type { SourceLocation } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { ProblemCode } from '../problem/diagnostics.ts';
import { compareCodeUnits, type Problem } from '../problem/problem.ts';
import { stringLiteral } from '../text/escape.ts';
import { didYouMean } from '../problem/suggest-name.ts';
import {
  describeThrown,
  locateThrown,
  toThrownError,
  type ThrownError,
} from '../problem/thrown-error.ts';
import { discoverProject, type DiscoveryCache } from './discover-project.ts';
import type { DiscoveredExport, Discovery, MemberName } from './discovery.ts';
import type {
  EvaluationIssue,
  EvaluationRequest,
  EvaluationResponse,
  ExportedFunction,
  PolicyEvaluation,
} from './evaluation.ts';
import type { ReadPolicy, ReadResult, ReadRule } from './read-result.ts';

const CODEGEN_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export interface ReadOptions {
  /** Evaluate only the policies with these names (explain); default all. */
  only?: ReadonlySet<string>;
  /** Also ask each policy's dynamic filter for every cell (`dump --dynamic`). */
  dynamicCells?: boolean;
  /** Receives the line naming what is still loading when evaluation is slow. */
  progress?: (line: string) => void;
  /** A ts-morph project kept between reads (the warm compiler); default a new one. */
  discoveryCache?: DiscoveryCache;
  /** Files (absolute) to report the loaded files independent of, in `independent`. */
  independentOf?: ReadonlySet<string>;
}

/** Reads and evaluates the project's policies. Never throws for problems in the project. */
export async function readProject(
  config: ResolvedConfig,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const root = config.root;
  const rel = (file: string): string => relativePosix(root, file);
  const configFile = rel(config.configFile);

  // The child process evaluates while ts-morph reads: the two take about as long.
  const request: EvaluationRequest = {
    kind: 'evaluate',
    modules: config.modules,
    dynamicCells: options.dynamicCells === true,
  };
  if (options.only !== undefined) request.only = [...options.only];
  const cancel = new AbortController();
  const progress = options.progress;
  const limit = formatSeconds(config.timeoutMs);
  const evaluation = runChildTraced(request, root, {
    signal: cancel.signal,
    timeoutMs: config.timeoutMs,
    ...(progress === undefined
      ? {}
      : {
          onSlow: (activity: ChildActivity, elapsedMs: number) =>
            progress(
              `policy-matrix: ${describeActivity(activity, rel)} after ${formatSeconds(elapsedMs)} (evaluation stops after ${limit}; set "timeout" in the config or pass --timeout <seconds> to change that).`,
            ),
        }),
  }).then(
    (answer): Evaluated => ({ response: answer.response, loaded: answer.loaded }),
    (error: unknown): Evaluated =>
      error instanceof ChildTimeoutError ? { timeout: error } : { error: toThrownError(error) },
  );

  const discovery = discoverProject(config, options.discoveryCache);
  const problems: Problem[] = [...discovery.problems];
  // The tsconfig.json too: its options decide how imports resolve, and watch must see
  // it fixed after reporting it broken.
  const staticFiles = [
    ...new Set([
      ...config.modules.flatMap((module) => [...discovery.sourcesOf(module)]),
      ...(discovery.tsconfig === undefined ? [] : [discovery.tsconfig]),
    ]),
  ].sort();
  let watchFiles = staticFiles;

  // One entry per policy class (a class re-exported by several modules is evaluated once).
  const candidates: DiscoveredExport[] = [];
  const declared = new Set<string>();
  for (const entry of discovery.exports) {
    if (entry.kind !== 'policy' || entry.abstract) continue;
    const key = `${entry.file}:${entry.location.line}:${entry.location.column}`;
    if (declared.has(key)) continue;
    declared.add(key);
    candidates.push(entry);
  }
  const chosen = candidates.filter((entry) => isChosen(config, [entry.declaredName]));
  reportDuplicatePolicyNames(chosen, problems);
  reportUnknownChoices(config, candidates, discovery, problems);
  const available = [...new Set(chosen.map((entry) => entry.declaredName))].sort(compareCodeUnits);
  const selected = chosen.filter(
    (entry) => options.only === undefined || options.only.has(entry.declaredName),
  );

  // Syntax errors: the child's answer is not needed. (With nothing selected it still
  // is: it finds the policy classes that static reading cannot see.)
  if (problems.length > 0) cancel.abort();
  const evaluated = await evaluation;
  if (problems.length > 0) return { policies: [], problems, watchFiles, available };
  if ('timeout' in evaluated) {
    // Watch must see an edit to the module that never finished loading.
    watchFiles = [...new Set([...staticFiles, ...evaluated.timeout.loaded])].sort();
    problems.push(timeoutProblem(evaluated.timeout, configFile, candidates, rel));
    return { policies: [], problems, watchFiles, available };
  }
  if ('error' in evaluated) {
    problems.push({
      code: 'PM022',
      file: configFile,
      line: 1,
      column: 1,
      message: `Evaluating the policies of ${config.modules.map(rel).join(', ')} failed: ${describeThrown(evaluated.error)} Make sure the modules can be imported with tsx.`,
    });
    return { policies: [], problems, watchFiles, available };
  }
  const response = evaluated.response;
  // What the evaluation really loaded counts too (side-effect and dynamic imports).
  watchFiles = [...new Set([...staticFiles, ...evaluated.loaded])].sort();

  for (const { module, error } of response.moduleErrors) {
    problems.push({
      code: 'PM021',
      ...(locateThrown(error, root, CODEGEN_DIR, (file) => discovery.runtimeFiles.has(file)) ?? {
        file: rel(module),
        line: 1,
        column: 1,
      }),
      message: `Importing ${rel(module)} failed: ${describeThrown(error)}. Fix the module so that it can be imported (it must not throw while loading).`,
    });
  }
  if (response.moduleErrors.length > 0) return { policies: [], problems, watchFiles, available };

  const located = new Map<string, DiscoveredExport>(
    discovery.exports.map((entry) => [`${entry.module}\0${entry.exportName}`, entry]),
  );
  const exportsByIdentity = groupExports(response.exports);
  const context: IssueContext = { root, discovery, located, exportsByIdentity, problems };
  const evaluations = new Map(response.policies.map((policy) => [policy.identity, policy]));

  const policies: ReadPolicy[] = [];
  const usedIdentities = new Set<number>();
  for (const entry of selected) {
    const exported = response.exports.find(
      (e) => e.module === entry.module && e.exportName === entry.exportName,
    );
    const evaluation = exported === undefined ? undefined : evaluations.get(exported.identity);
    if (evaluation === undefined) {
      problems.push({
        code: 'PM024',
        ...entry.location,
        policy: entry.declaredName,
        message: `${entry.declaredName} extends OrchestrationPolicy in the source, but ${rel(entry.module)} does not export it as such a class when run (${exported === undefined ? 'no such export' : `its export ${entry.exportName} is ${exported.className === '' ? 'an anonymous function' : `named ${exported.className}`}`}); export the policy class itself.`,
      });
      continue;
    }
    for (const rule of evaluation.rules)
      if (rule.identity !== null) usedIdentities.add(rule.identity);
    const before = problems.length;
    const fromElsewhere = rulesFromElsewhere(evaluation, entry, context);
    for (const issue of evaluation.issues)
      if (!(issue.kind === 'rule-not-exported' && fromElsewhere.has(issue.rule)))
        reportIssue(issue, evaluation, entry, context);
    if (problems.length > before || evaluation.states === undefined) continue;
    policies.push(toReadPolicy(evaluation, entry, config, discovery, context));
  }
  reportUnseenPolicies(response, discovery, config, options, context);
  reportSameNameExports(response.exports, usedIdentities, chosen, context);

  if (problems.length > 0) return { policies: [], problems, watchFiles, available };
  policies.sort((a, b) => compareCodeUnits(a.name, b.name));
  const hot = options.independentOf;
  if (hot === undefined) return { policies, problems, watchFiles, available };
  const independent = evaluated.loaded.filter(
    (file) =>
      !config.modules.includes(file) &&
      !discovery.sourcesOf(file).some((source) => hot.has(source)),
  );
  return { policies, problems, watchFiles, available, independent };
}

/** Whether the config's `policies` and `exclude` let a policy known by `names` be generated. */
function isChosen(config: ResolvedConfig, names: readonly string[]): boolean {
  if (names.some((name) => config.exclude.includes(name))) return false;
  return config.policies === undefined || names.some((name) => config.policies?.includes(name));
}

/** A name in the config's `policies` or `exclude` that names no exported policy. */
function reportUnknownChoices(
  config: ResolvedConfig,
  candidates: readonly DiscoveredExport[],
  discovery: Discovery,
  problems: Problem[],
): void {
  const names = [...new Set(candidates.map((entry) => entry.declaredName))].sort(compareCodeUnits);
  // Exports the compiler cannot classify (made by a function) may be policies too.
  const others = new Set(
    discovery.exports.filter((entry) => entry.kind === 'other').map((entry) => entry.exportName),
  );
  const file = relativePosix(config.root, config.configFile);
  for (const key of ['policies', 'exclude'] as const) {
    const listed = key === 'policies' ? (config.policies ?? []) : config.exclude;
    for (const name of listed) {
      if (names.includes(name) || others.has(name)) continue;
      problems.push({
        code: 'PM010',
        file,
        ...locateConfigKey(config.configFile, key),
        message: `"${key}" lists ${JSON.stringify(name)}, which is not a policy the config modules export.${didYouMean(name, names)} The exported policies: ${names.length === 0 ? 'none' : names.join(', ')}.`,
      });
    }
  }
}

/**
 * Policy classes the evaluation found among a config module's exports that static
 * reading did not (made by a function call or another expression): they cannot be
 * compiled, so each is reported at its export, never skipped without a word.
 */
function reportUnseenPolicies(
  response: EvaluationResponse,
  discovery: Discovery,
  config: ResolvedConfig,
  options: ReadOptions,
  context: IssueContext,
): void {
  const seen = new Set<number>();
  for (const entry of discovery.exports) {
    if (entry.kind !== 'policy') continue;
    const exported = response.exports.find(
      (e) => e.module === entry.module && e.exportName === entry.exportName,
    );
    if (exported !== undefined) seen.add(exported.identity);
  }
  for (const policy of response.policies) {
    if (seen.has(policy.identity)) continue;
    const exports = context.exportsByIdentity.get(policy.identity) ?? [];
    const names = [...new Set([...exports.map((e) => e.exportName), policy.className])];
    if (!isChosen(config, names)) continue;
    if (options.only !== undefined && !names.some((name) => options.only?.has(name))) continue;
    const first = exports[0];
    if (first === undefined) continue;
    const module = relativePosix(context.root, first.module);
    context.problems.push({
      code: 'PM025',
      ...(context.located.get(`${first.module}\0${first.exportName}`)?.location ?? {
        file: module,
        line: 1,
        column: 1,
      }),
      policy: first.exportName,
      message: `${first.exportName}, exported by ${module}, is a policy class when run, but its declaration does not show it (it is made by a function call or another expression, or extends a class the compiler cannot resolve), so it cannot be compiled. Declare it as export class ${first.exportName} extends ... { ... }, or leave it out with exclude: [${JSON.stringify(first.exportName)}] in the config.`,
    });
  }
}

type Evaluated =
  | { response: EvaluationResponse; loaded: string[] }
  | { timeout: ChildTimeoutError }
  | { error: ThrownError };

/** `still loading src/a.ts`, `still evaluating APolicy`. */
function describeActivity(activity: ChildActivity, rel: (file: string) => string): string {
  switch (activity.kind) {
    case 'loading':
      return `still loading ${rel(activity.file)}`;
    case 'policy':
      return `still evaluating ${activity.name}`;
    case 'reading':
      return `still reading the modules (${activity.loaded} so far)`;
    case 'starting':
      return 'the evaluation process is still starting';
  }
}

/** The problem for an evaluation that did not finish in time, at what it was stuck in. */
function timeoutProblem(
  error: ChildTimeoutError,
  configFile: string,
  candidates: readonly DiscoveredExport[],
  rel: (file: string) => string,
): Problem {
  const limit = formatSeconds(error.timeoutMs);
  const more = `allow more time with "timeout" in the config or --timeout <seconds>`;
  const { activity } = error;
  if (activity.kind === 'loading') {
    const file = rel(activity.file);
    return {
      code: 'PM023',
      file,
      line: 1,
      column: 1,
      message: `Evaluating the policies stopped after ${limit}: ${file} started loading and never finished (an endless loop, or a wait that never ends, while it is imported). Fix the module, or ${more}.`,
    };
  }
  if (activity.kind === 'policy') {
    const entry = candidates.find((candidate) => candidate.declaredName === activity.name);
    return {
      code: 'PM023',
      ...(entry?.location ?? { file: configFile, line: 1, column: 1 }),
      policy: activity.name,
      message: `Evaluating ${activity.name} stopped after ${limit}: its STATES, priority() or a rule's FROM_STATES/TO_STATES never returned. Fix them, or ${more}.`,
    };
  }
  if (activity.kind === 'reading') {
    return {
      code: 'PM023',
      file: configFile,
      line: 1,
      column: 1,
      message: `Evaluating the policies stopped after ${limit} while the modules were still being read (${activity.loaded} so far), before any of them ran; the machine may be busy or the project large: ${more}.`,
    };
  }
  return {
    code: 'PM023',
    file: configFile,
    line: 1,
    column: 1,
    message: `The evaluation process did not start (Node and tsx did not finish loading); the machine may be overloaded. Try again.`,
  };
}

interface IssueContext {
  root: string;
  discovery: Discovery;
  located: ReadonlyMap<string, DiscoveredExport>;
  exportsByIdentity: ReadonlyMap<number, ExportedFunction[]>;
  problems: Problem[];
}

function toReadPolicy(
  evaluation: PolicyEvaluation,
  entry: DiscoveredExport,
  config: ResolvedConfig,
  discovery: Discovery,
  context: IssueContext,
): ReadPolicy {
  const rel = (file: string): string => relativePosix(config.root, file);
  const rules: ReadRule[] = evaluation.rules.map((rule) => {
    const chosen = preferredExport(
      context.exportsByIdentity.get(rule.identity as number) ?? [],
      rule.className,
    );
    const where = context.located.get(`${chosen.module}\0${chosen.exportName}`);
    return {
      name: rule.className,
      exportName: chosen.exportName,
      module: rel(chosen.module),
      location: where?.location ?? { file: rel(chosen.module), line: 1, column: 1 },
      kind: rule.kind,
      from: rule.from,
      to: rule.to,
    };
  });
  const sources = new Set<string>(discovery.sourcesOf(entry.file));
  sources.add(entry.module);
  for (const rule of rules) sources.add(path.resolve(config.root, rule.module));
  const sorted = [...sources].map(rel).sort(compareCodeUnits);
  const sourceDigests: [string, string][] = [...sources]
    .filter((file) => !discovery.runtimeFiles.has(file))
    .map((file): [string, string] => [rel(file), digest(discovery.texts.get(file) ?? '')])
    .sort((a, b) => compareCodeUnits(a[0], b[0]));
  const policy: ReadPolicy = {
    name: evaluation.className,
    exportName: entry.exportName,
    module: rel(entry.module),
    location: entry.location,
    states: evaluation.states as string[],
    rules,
    priority: evaluation.priority,
    sources: sorted,
    sourceDigests,
  };
  if (evaluation.dynamicCells !== undefined) policy.dynamicCells = evaluation.dynamicCells;
  return policy;
}

/** sha256 of a source text with line endings normalised, so a checkout's EOL style never matters. */
function digest(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('hex');
}

function groupExports(exports: readonly ExportedFunction[]): Map<number, ExportedFunction[]> {
  const grouped = new Map<number, ExportedFunction[]>();
  for (const entry of exports) {
    const list = grouped.get(entry.identity) ?? [];
    list.push(entry);
    grouped.set(entry.identity, list);
  }
  return grouped;
}

/** The export generated code imports: one named like the class if any, else the first. */
function preferredExport(
  exports: readonly ExportedFunction[],
  className: string,
): ExportedFunction {
  return (
    exports.find((entry) => entry.exportName === className) ?? (exports[0] as ExportedFunction)
  );
}

function reportDuplicatePolicyNames(
  candidates: readonly DiscoveredExport[],
  problems: Problem[],
): void {
  const byName = new Map<string, DiscoveredExport[]>();
  for (const entry of candidates)
    byName.set(entry.declaredName, [...(byName.get(entry.declaredName) ?? []), entry]);
  for (const [name, entries] of byName) {
    if (entries.length < 2) continue;
    const places = entries.map((entry) => at(entry.location)).join(' and ');
    for (const entry of entries) {
      problems.push({
        code: 'PM026',
        ...entry.location,
        policy: name,
        message: `Two different policy classes are named ${name} (${places}); generated files and matrices are named after the class. Rename one of them.`,
      });
    }
  }
}

/** Two different classes exported under one name: generated code could import the wrong one. */
function reportSameNameExports(
  exports: readonly ExportedFunction[],
  used: ReadonlySet<number>,
  policies: readonly DiscoveredExport[],
  context: IssueContext,
): void {
  const policyNames = new Set(policies.map((entry) => entry.exportName));
  const byName = new Map<string, ExportedFunction[]>();
  for (const entry of exports)
    byName.set(entry.exportName, [...(byName.get(entry.exportName) ?? []), entry]);
  for (const [name, entries] of byName) {
    const identities = new Set(entries.map((entry) => entry.identity));
    if (identities.size < 2) continue;
    if (![...identities].some((identity) => used.has(identity)) && !policyNames.has(name)) continue;
    const locations = entries.map(
      (entry) =>
        context.located.get(`${entry.module}\0${entry.exportName}`)?.location ?? {
          file: relativePosix(context.root, entry.module),
          line: 1,
          column: 1,
        },
    );
    const places = locations.map(at).join(' and ');
    locations.forEach((location, index) => {
      context.problems.push({
        code: 'PM027',
        ...location,
        rule: entries[index]?.className,
        message: `Two different classes are exported as ${name} (${places}); generated code imports classes by export name. Rename or remove one of the exports.`,
      });
    });
  }
}

function reportIssue(
  issue: EvaluationIssue,
  evaluation: PolicyEvaluation,
  entry: DiscoveredExport,
  context: IssueContext,
): void {
  const policy = evaluation.className;
  const member = (name: MemberName): SourceLocation => entry.members[name] ?? entry.location;
  const add = (
    code: ProblemCode,
    location: SourceLocation,
    message: string,
    rule?: string,
  ): void => {
    const problem: Problem = { code, ...location, policy, message };
    if (rule !== undefined) problem.rule = rule;
    context.problems.push(problem);
  };
  const thrownAt = (error: ThrownError, fallback: SourceLocation): SourceLocation =>
    locateThrown(error, context.root, CODEGEN_DIR, (file) =>
      context.discovery.runtimeFiles.has(file),
    ) ?? fallback;
  const ruleOf = (index: number) =>
    evaluation.rules[index] ?? {
      identity: null,
      className: '?',
      kind: 'rule' as const,
      from: '',
      to: '',
    };
  const ruleExport = (index: number): DiscoveredExport | undefined => {
    const rule = ruleOf(index);
    const exported =
      rule.identity === null
        ? undefined
        : preferredExport(context.exportsByIdentity.get(rule.identity) ?? [], rule.className);
    return exported === undefined
      ? undefined
      : context.located.get(`${exported.module}\0${exported.exportName}`);
  };
  const ruleLocation = (index: number, side?: MemberName): SourceLocation => {
    const exported = ruleExport(index);
    if (exported !== undefined)
      return (side === undefined ? undefined : exported.members[side]) ?? exported.location;
    return classLocation(ruleOf(index).className, entry, context) ?? member('priority');
  };
  const states = evaluation.states ?? [];

  switch (issue.kind) {
    case 'states-threw':
      return add(
        'PM030',
        thrownAt(issue.error, member('STATES')),
        `Reading the state set of ${policy} threw ${describeThrown(issue.error)}; fix STATES.`,
      );
    case 'states-not-a-list':
      return add(
        'PM031',
        member('STATES'),
        `${policy}.STATES is ${issue.description}, not a list of state names; write static STATES = ['A', 'B'] (or leave it out for the reference states).`,
      );
    case 'state-not-a-string':
      return add(
        'PM032',
        member('STATES'),
        `${policy}.STATES entry ${issue.index} is ${issue.description}, not a string; state names are non-empty strings.`,
      );
    case 'state-empty':
      return add(
        'PM032',
        member('STATES'),
        `${policy}.STATES entry ${issue.index} is an empty string; state names are non-empty strings. Remove it or give it a name.`,
      );
    case 'state-duplicate':
      return add(
        'PM033',
        member('STATES'),
        `${policy}.STATES lists ${stringLiteral(issue.name)} twice (entries ${issue.first} and ${issue.second}); state names must be distinct. Remove one.`,
      );
    case 'priority-threw':
      return add(
        'PM034',
        thrownAt(issue.error, member('priority')),
        `${policy}.priority() threw ${describeThrown(issue.error)}; fix priority() so that it returns the policy's rules.`,
      );
    case 'priority-not-a-list':
      return add(
        'PM035',
        member('priority'),
        `${policy}.priority() returned ${issue.description}, not a list; return an array of rule and transform classes.`,
      );
    case 'priority-entry-not-a-rule':
      return add(
        'PM036',
        member('priority'),
        `${policy}.priority() entry ${issue.index} is ${issue.description}, not a rule or transform class; list OrchestrationRule or UniversalTransform subclasses only${issue.description === 'undefined' ? ' (undefined often means a missing export or a circular import)' : ''}.`,
      );
    case 'rule-not-exported': {
      const rule = ruleOf(issue.rule).className;
      const where = ruleLocation(issue.rule);
      const module = entry.module;
      const from = relativePosix(path.dirname(module), path.resolve(context.root, where.file));
      const specifier = from.startsWith('.') ? from : `./${from}`;
      const fix =
        path.resolve(context.root, where.file) === module
          ? `add export to its declaration in ${relativePosix(context.root, module)}`
          : `add export { ${rule} } from '${specifier}' to ${relativePosix(context.root, module)} (and export the class from its own file)`;
      return add(
        'PM037',
        where,
        `${rule} is listed by ${policy}.priority() but no config module exports it; generated code can only import exported classes. To fix, ${fix}.`,
        rule,
      );
    }
    case 'set-not-a-set': {
      const rule = ruleOf(issue.rule).className;
      return add(
        'PM038',
        ruleLocation(issue.rule, issue.side),
        `${rule}.${issue.side} is ${issue.description}, not a set (it has no has() method); write static ${issue.side} = new Set([...]).`,
        rule,
      );
    }
    case 'set-threw': {
      const rule = ruleOf(issue.rule).className;
      return add(
        'PM039',
        thrownAt(issue.error, ruleLocation(issue.rule, issue.side)),
        `Asking ${rule}.${issue.side} for ${policy}'s states threw ${describeThrown(issue.error)}; fix the set.`,
        rule,
      );
    }
    case 'set-entry-invalid': {
      const rule = ruleOf(issue.rule).className;
      return add(
        'PM040',
        ruleLocation(issue.rule, issue.side),
        `${rule}.${issue.side} contains ${issue.description}; entries are state names (strings) or null.`,
        rule,
      );
    }
    case 'set-entry-unknown': {
      const rule = ruleOf(issue.rule).className;
      const hint = didYouMean(issue.entry, states);
      return add(
        'PM041',
        ruleLocation(issue.rule, issue.side),
        `${rule}.${issue.side} contains ${stringLiteral(issue.entry)}, which is not a state of ${policy}.${hint === '' ? ` Its states are ${states.map(stringLiteral).join(', ')} (and null).` : hint}`,
        rule,
      );
    }
    case 'dynamic-filter-threw':
      return add(
        'PM042',
        thrownAt(issue.error, entry.location),
        `${policy}.compileTransitionRules threw ${describeThrown(issue.error)}.`,
      );
  }
}

/**
 * The rules a policy lists that no config module exports but that come from a package
 * (or the runtime): one problem per package, with the re-export line to copy into the
 * config module. Returns the indices (into `evaluation.rules`) it reported.
 */
function rulesFromElsewhere(
  evaluation: PolicyEvaluation,
  entry: DiscoveredExport,
  context: IssueContext,
): Set<number> {
  const sources = context.discovery.sourcesOf(entry.file);
  const bySpecifier = new Map<string, { index: number; name: string }[]>();
  for (const issue of evaluation.issues) {
    if (issue.kind !== 'rule-not-exported') continue;
    const name = evaluation.rules[issue.rule]?.className ?? '';
    const exporter = name === '' ? undefined : context.discovery.exporterOf(name, sources);
    if (exporter === undefined) continue;
    let specifier: string;
    if ('specifier' in exporter) specifier = exporter.specifier;
    else {
      const relative = relativePosix(path.dirname(entry.module), exporter.file);
      specifier = relative.startsWith('.') ? relative : `./${relative}`;
    }
    bySpecifier.set(specifier, [
      ...(bySpecifier.get(specifier) ?? []),
      { index: issue.rule, name },
    ]);
  }
  const reported = new Set<number>();
  const module = relativePosix(context.root, entry.module);
  for (const [specifier, rules] of bySpecifier) {
    const names = [...new Set(rules.map((rule) => rule.name))].join(', ');
    const count = rules.length === 1 ? 'a rule' : `${rules.length} rules`;
    context.problems.push({
      code: 'PM037',
      ...(entry.members.priority ?? entry.location),
      policy: evaluation.className,
      message: `${evaluation.className}.priority() lists ${count} from ${quote(specifier)} that no config module exports (${names}); generated code can only import exported classes. To fix, add this line to ${module}: export { ${names} } from ${quote(specifier)};`,
    });
    for (const rule of rules) reported.add(rule.index);
  }
  return reported;
}

/** A module specifier as a string literal to copy: single-quoted unless that needs escapes. */
function quote(specifier: string): string {
  return /['\\\n\r]/.test(specifier) ? JSON.stringify(specifier) : `'${specifier}'`;
}

/** Where a class that is not exported is declared: preferably among the policy's own sources. */
function classLocation(
  name: string,
  entry: DiscoveredExport,
  context: IssueContext,
): SourceLocation | undefined {
  const candidates = context.discovery.classes.get(name) ?? [];
  const own = new Set(
    context.discovery.sourcesOf(entry.file).map((file) => relativePosix(context.root, file)),
  );
  return candidates.find((location) => own.has(location.file)) ?? candidates[0];
}

function at(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}
