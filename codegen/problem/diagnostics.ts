/**
 * The catalogue of every diagnostic the compiler can report: each code with its
 * severity and a one-line title. Problems (`PM0xx`, always errors: nothing is written)
 * come from the compiler's steps and commands; lint findings (`PM1xx`) from `lint`.
 * `docs/diagnostics.md` has a section per code, headed `## PM012`, with an example and
 * the fix; a test walks that file against this catalogue, and this catalogue against
 * the compiler's sources (every code is reported somewhere, every code reported is here).
 *
 * Adding a diagnostic:
 * 1. Add an entry here, in its group, with the next free number. Codes are stable:
 *    never renumber, reuse or remove one (retire it by leaving its entry and saying so
 *    in the docs). Groups: PM001-PM019 the config and tsconfig.json, PM020-PM029
 *    reading and evaluating the modules, PM030-PM049 what a policy or rule declares,
 *    PM050-PM059 emitting and writing the output, PM060-PM069 the commands' own
 *    arguments (explain, dump), PM070-PM079 the bench command, PM080-PM089 the build plugin, PM090-PM098 free for new groups (start each at a
 *    multiple of ten), PM099 unexpected failures, PM101-PM199 lint.
 * 2. Report it with `code: 'PM0xx'` written out at the place that builds the problem
 *    (the test finds uses by that literal), or `lintFinding('PM1xx', ...)` for lint.
 * 3. Add its section to docs/diagnostics.md: the title, an example line, the fix.
 * 4. Assert the code and location in a test; if a broken fixture (test/fixtures/broken-*)
 *    shows it, regenerate the golden messages with PM_UPDATE_GOLDEN=1.
 */

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface DiagnosticEntry {
  severity: DiagnosticSeverity;
  /** What the diagnostic is about, as a phrase (lower case, no full stop). */
  title: string;
}

export const DIAGNOSTICS = {
  // The config and tsconfig.json.
  PM001: { severity: 'error', title: 'the config file does not exist' },
  PM002: { severity: 'error', title: 'the config file cannot be imported' },
  PM003: { severity: 'error', title: 'the config file has no default export' },
  PM004: { severity: 'error', title: 'the config is not an object' },
  PM005: { severity: 'error', title: 'an unknown config key' },
  PM006: { severity: 'error', title: 'a config value of the wrong type or form' },
  PM007: { severity: 'error', title: 'a module listed in "modules" does not exist' },
  PM008: { severity: 'error', title: 'the "runtime" file does not exist' },
  PM009: {
    severity: 'error',
    title: 'the output folder is the project root or holds your own code',
  },
  PM010: { severity: 'error', title: '"policies" or "exclude" names no exported policy' },
  PM011: { severity: 'error', title: "the project's tsconfig.json cannot be read" },
  // Reading and evaluating the modules.
  PM020: { severity: 'error', title: 'a syntax error in a module' },
  PM021: { severity: 'error', title: 'a module throws while it is imported' },
  PM022: { severity: 'error', title: 'the evaluation process failed' },
  PM023: { severity: 'error', title: 'evaluating the policies took longer than the timeout' },
  PM024: { severity: 'error', title: 'a policy class is not exported as such a class when run' },
  PM025: { severity: 'error', title: 'a policy class whose declaration does not show it' },
  PM026: { severity: 'error', title: 'two policy classes with one name' },
  PM027: { severity: 'error', title: 'two different classes exported under one name' },
  // What a policy or rule declares.
  PM030: { severity: 'error', title: 'reading STATES threw' },
  PM031: { severity: 'error', title: 'STATES is not a list' },
  PM032: { severity: 'error', title: 'a STATES entry is not a non-empty string' },
  PM033: { severity: 'error', title: 'a state listed twice in STATES' },
  PM034: { severity: 'error', title: "the policy's priority() threw" },
  PM035: { severity: 'error', title: "the policy's priority() did not return a list" },
  PM036: { severity: 'error', title: 'a priority() entry is not a rule or transform class' },
  PM037: { severity: 'error', title: 'a listed rule that no config module exports' },
  PM038: { severity: 'error', title: 'FROM_STATES or TO_STATES is not a set' },
  PM039: { severity: 'error', title: 'asking FROM_STATES or TO_STATES threw' },
  PM040: { severity: 'error', title: 'a FROM_STATES or TO_STATES entry is not a state name' },
  PM041: {
    severity: 'error',
    title: 'a FROM_STATES or TO_STATES entry is not a state of the policy',
  },
  PM042: { severity: 'error', title: "the policy's dynamic filter threw" },
  // Emitting and writing the output.
  PM050: { severity: 'error', title: 'two policies would be generated as one file' },
  PM051: { severity: 'error', title: "a policy would be generated as the output folder's index" },
  PM052: { severity: 'error', title: 'rendering the report failed' },
  PM053: { severity: 'error', title: 'the output folder cannot be written' },
  PM054: { severity: 'error', title: 'a file in the way was not generated by policy-matrix' },
  // The commands' own arguments.
  PM060: { severity: 'error', title: 'the policy given to explain is not in the project' },
  PM061: { severity: 'error', title: 'a state given to explain is not a state of the policy' },
  PM062: { severity: 'error', title: 'the generated index that dump reads does not exist' },
  PM063: { severity: 'error', title: 'the generated index that dump reads cannot be imported' },
  // The bench command.
  PM070: { severity: 'error', title: 'a trace file cannot be read or a line of it is malformed' },
  PM071: { severity: 'error', title: 'a trace line names a state the policy does not have' },
  PM072: { severity: 'error', title: 'a generated module to benchmark is stale or missing' },
  PM073: { severity: 'error', title: 'a policy given to bench is not in the project' },
  PM074: { severity: 'error', title: 'the baseline file cannot be read as a bench report' },
  PM075: { severity: 'error', title: 'the runtime the generated modules import cannot be found' },
  PM076: { severity: 'error', title: 'the measuring process failed' },
  PM077: { severity: 'error', title: "a policy's benchmark failed" },
  // The build plugin.
  PM080: { severity: 'error', title: 'an invalid option of the build plugin' },
  // Unexpected failures.
  PM099: { severity: 'error', title: 'an unexpected failure' },
  // Lint (`policy-matrix lint`, and the findings generate and check print).
  PM101: { severity: 'warning', title: 'a rule fires in no cell of the policy' },
  PM102: { severity: 'warning', title: 'a rule is listed more than once in a priority list' },
  PM103: {
    severity: 'warning',
    title: 'a universal transform is listed before ordinary rules in a non-global policy',
  },
  PM104: {
    severity: 'info',
    title: "states of the policy's set that no rule mentions specifically",
  },
} as const satisfies Record<`PM${number}`, DiagnosticEntry>;

/** Every code of the catalogue. */
export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** The codes of problems: the compiler's errors, which stop anything being written. */
export type ProblemCode = Extract<DiagnosticCode, `PM0${string}`>;

/** The codes of lint findings. */
export type LintCode = Extract<DiagnosticCode, `PM1${string}`>;

/** Where `docs/diagnostics.md` documents `code`: the anchor of its `## PM012` heading. Pure. */
export function diagnosticAnchor(code: DiagnosticCode): string {
  return code.toLowerCase();
}
