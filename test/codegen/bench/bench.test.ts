/**
 * `policy-matrix bench` on fixture projects: every policy measured (lookups on the
 * uniform workload, and whole transitions when the config has a bench section), the
 * output says how to enable whole transitions when it has none, a trace adds a trace
 * workload, a stale matrix is an error naming its cells, a malformed trace is a located
 * error (trace.test.ts has the rest), and the JSON matches its documented schema. No figure is asserted: timing is
 * what benchmarks report, never what tests check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bench } from '../../../codegen/index.ts';
import { renderBenchMarkdown } from '../../../codegen/bench/report/render-bench-markdown.ts';
import { renderBenchSvg } from '../../../codegen/bench/report/render-bench-svg.ts';
import { editFile, REPO_ROOT, removeProject } from '../support/fixture-project.ts';
import { runCliIn } from '../support/run-cli-in-process.ts';
import { benchProject, TINY_PLAN } from './support/bench-project.ts';
import { validateJson } from './support/json-schema.ts';
import { syntheticReport } from './support/synthetic-report.ts';

const SCHEMA = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'docs/bench-json.schema.json'), 'utf8'),
) as Record<string, unknown>;
const LOOKUP_CASES = [
  'raw-array',
  'generated-code',
  'generated-string',
  'nested-map',
  'dynamic-filter',
];

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) removeProject(dir);
  dir = undefined;
});

describe(bench.name, () => {
  it('measures lookups and whole transitions on the uniform workload and the trace, as data matching the JSON schema', async () => {
    dir = benchProject(true);
    writeFileSync(
      path.join(dir, 'trace.ndjson'),
      '[null, "SCHEDULED"]\n["SCHEDULED", "PENDING"]\n\n["PENDING", "RUNNING"]\n["RUNNING", "COMPLETED"]\n',
    );
    const result = await bench({
      cwd: dir,
      policies: ['BasePolicy', 'ExtendedPolicy'],
      trace: 'trace.ndjson',
      plan: TINY_PLAN,
    });
    expect(result.problems).toEqual([]);
    const report = result.report!;
    expect(report.version).toBe(1);
    expect(report.trace).toBe('trace.ndjson');
    expect(report.policies.map((p) => p.name)).toEqual(['BasePolicy', 'ExtendedPolicy']);
    for (const policy of report.policies) {
      expect(policy.groups.map((g) => `${g.section}/${g.workload}`)).toEqual([
        'lookup/uniform',
        'lookup/trace',
        'transition/uniform',
        'transition/trace',
      ]);
      expect(policy.groups[0]!.cases.map((c) => c.name)).toEqual(LOOKUP_CASES);
      expect(policy.groups[1]!.description).toBe(
        "The first 4 of the trace's 4 transitions, in order.",
      );
      expect(policy.groups[2]!.cases.map((c) => c.name)).toEqual(['matrix', 'dynamic-filter']);
      expect(policy.ratios.map((r) => `${r.group} ${r.subject} ÷ ${r.reference}`)).toEqual([
        'lookup/uniform generated-code ÷ raw-array',
        'lookup/uniform generated-string ÷ raw-array',
        'lookup/uniform generated-code ÷ dynamic-filter',
        'lookup/trace generated-code ÷ raw-array',
        'lookup/trace generated-string ÷ raw-array',
        'lookup/trace generated-code ÷ dynamic-filter',
        'transition/uniform matrix ÷ dynamic-filter',
        'transition/trace matrix ÷ dynamic-filter',
      ]);
      expect(policy.transitionsSkipped).toBeUndefined();
    }
    // Transitions into "no state" were declined by the config, and the output says so.
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^BasePolicy: bench\.transition left out \d+ of 32 uniform transitions\.$/,
      ),
      expect.stringMatching(
        /^ExtendedPolicy: bench\.transition left out \d+ of 32 uniform transitions\.$/,
      ),
    ]);
    expect(validateJson(JSON.parse(JSON.stringify(report)), SCHEMA)).toEqual([]);
    expect(renderBenchMarkdown(report, 'policy-matrix bench')).toContain('## ExtendedPolicy');
    expect(renderBenchSvg(report)).toMatch(/^<svg [^]*<\/svg>\n$/);
  });
});

describe('policy-matrix bench', () => {
  it('measures lookups only without a bench section, says how to add one, and gates on a baseline', async () => {
    dir = benchProject(false);
    // Doctored baselines: one in which the generated lookups cost 1000× the floor (this run
    // is faster), one in which they cost a thousandth of it (this run is far slower).
    const baseline = (generated: number): string => {
      const file = `baseline-${generated}.json`;
      writeFileSync(
        path.join(dir!, file),
        JSON.stringify(syntheticReport(generated, 'TicketPolicy', generated)),
      );
      return file;
    };
    const faster = await runCliIn(
      dir,
      'bench',
      '--quick',
      '--policy',
      'TicketPolicy',
      '--json',
      'out/bench.json',
      '--baseline',
      baseline(4000),
      '--fail-on',
      '50',
    );
    expect(faster.err).toBe('wrote out/bench.json\n');
    expect(faster.code).toBe(0);
    expect(faster.out).toContain(
      'TicketPolicy (4 states with null, 2 rules; generated/ticket-policy.ts)',
    );
    expect(faster.out).toMatch(
      /^ {4}case +median +p25–p75 +× raw-array +× generated-code +samples$/m,
    );
    expect(faster.out).toContain(
      'note: Whole transitions were not measured: add a bench section to policy-matrix.config.ts, bench: { transition(from, to, policy) { return { context, commit }; } }',
    );
    expect(faster.out).toContain('gate: passed (no case slower by more than 50%).');
    const json = JSON.parse(readFileSync(path.join(dir, 'out/bench.json'), 'utf8')) as {
      policies: { name: string }[];
    };
    expect(validateJson(json, SCHEMA)).toEqual([]);
    expect(json.policies.map((p) => p.name)).toEqual(['TicketPolicy']);

    const slower = await runCliIn(
      dir,
      'bench',
      '--quick',
      '--policy',
      'TicketPolicy',
      '--baseline',
      baseline(0.004),
      '--fail-on',
      '50',
    );
    expect(slower.code).toBe(1);
    expect(slower.out).toMatch(
      /^ {2}FAIL {3}TicketPolicy lookup\/uniform generated-code ÷ raw-array: 0\.001× .+ → .+ \(\+\d+%/m,
    );
    expect(slower.out).toMatch(/gate: FAILED: 3 cases slower by more than 50%/);
    // A failing case is measured again, and fails the gate only when it fails again.
    expect(slower.out).toContain('Measuring TicketPolicy again to confirm.');
    expect(slower.out).toMatch(
      /gate: FAILED: confirmed when measured again: TicketPolicy lookup\/uniform generated-code ÷ raw-array \(\+\d+%\)/,
    );
  }, 120_000);

  it('refuses a stale matrix, naming the cells that differ (exit 1)', async () => {
    dir = benchProject(false);
    editFile(
      dir,
      'src/policies.ts',
      'return [GuardTerminal, StartRuns, FinishActive];',
      'return [GuardTerminal, FinishActive];',
    );
    const run = await runCliIn(dir, 'bench', '--quick', '--policy', 'BasePolicy');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain(
      'generated/base-policy.ts:1:1: error PM072 [BasePolicy]: Stale generated module of BasePolicy: 3 cells differ (file → policy): SCHEDULED → RUNNING: [StartRuns] → []; PENDING → RUNNING: [StartRuns] → []; null → RUNNING: [GuardTerminal, StartRuns] → [GuardTerminal]. A benchmark of a stale matrix measures the wrong thing: run `npm run generate` first.',
    );
  });

  it('reports every malformed entry of a trace at its line (exit 1)', async () => {
    dir = benchProject(false);
    writeFileSync(
      path.join(dir, 'trace.json'),
      '[\n  ["PENDING", "RUNNING"],\n  ["RUNNING", "DONE"],\n  ["RUNNING"],\n  [null, RUNNING]\n]\n',
    );
    const run = await runCliIn(
      dir,
      'bench',
      '--quick',
      '--policy',
      'BasePolicy',
      '--trace',
      'trace.json',
    );
    expect(run.code).toBe(1);
    expect(run.err.split('\n')).toEqual([
      'trace.json:4:3: error PM070: Malformed trace entry "[\\"RUNNING\\"]": expected a pair ["FROM", "TO"] (null for no state).',
      expect.stringMatching(
        /^trace\.json:5:3: error PM070: Malformed trace entry "\[null, RUNNING\]": .*Write each transition as \["FROM", "TO"\] \(null for no state\)\.$/,
      ),
      '2 problems found.',
      '',
    ]);
  });
});
