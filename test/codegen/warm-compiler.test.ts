/**
 * The warm compiler sees fresh code: its next evaluation child is started ahead of time
 * with the runtime already imported, yet an edit to that runtime file (here a local
 * runtime module that also exports the policy's state set) after the child started is
 * in the next run's matrix, and so is an edit to the policy itself.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../codegen/config/load-config.ts';
import type { WarmRun } from '../../codegen/warm/warm-compiler.ts';
import { WarmCompiler } from '../../codegen/warm/warm-compiler.ts';
import { editFile, removeProject, scratchProject } from './support/fixture-project.ts';

let dir: string;
let compiler: WarmCompiler;

beforeAll(async () => {
  dir = scratchProject('warm-compiler');
  const files: Record<string, string> = {
    'policy-matrix.config.ts':
      "export default { modules: ['./policies.ts'], runtime: './runtime.ts', importExtension: '.ts' };\n",
    'runtime.ts': [
      "export * from '../../../src/index.ts';",
      "import { StateType } from '../../../src/index.ts';",
      'export const GATE_TO = new Set([StateType.RUNNING]);',
      '',
    ].join('\n'),
    'policies.ts': [
      "import { OrchestrationPolicy, OrchestrationRule, StateType, GATE_TO, type RuleClass } from './runtime.ts';",
      'export class GateRule extends OrchestrationRule {',
      '  static override FROM_STATES = new Set([StateType.PENDING]);',
      '  static override TO_STATES = GATE_TO;',
      '}',
      'export class GatePolicy extends OrchestrationPolicy {',
      '  static override priority(): RuleClass[] {',
      '    return [GateRule];',
      '  }',
      '}',
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const loaded = await loadConfig({ cwd: dir });
  if (loaded.config === undefined) throw new Error(JSON.stringify(loaded.problems));
  compiler = new WarmCompiler(loaded.config);
});

afterAll(() => {
  compiler?.close();
  removeProject(dir);
});

/** The number of rules of PENDING → `to` in a run's model. */
function ruleCount(run: WarmRun, to: string): number {
  const policy = run.model?.policies[0];
  if (policy === undefined) throw new Error(JSON.stringify(run.problems));
  const size = policy.states.length;
  const cell = policy.cells[policy.states.indexOf('PENDING') * size + policy.states.indexOf(to)];
  return policy.distinctCells[cell ?? -1]?.length ?? -1;
}

describe(WarmCompiler.name, () => {
  it('generates, and watches the runtime file the evaluation loaded', async () => {
    const run = await compiler.generate();
    expect(run.ok).toBe(true);
    expect(ruleCount(run, 'COMPLETED')).toBe(0);
    expect(run.watchFiles).toContain(path.join(dir, 'runtime.ts'));
  });

  it('sees an edit to a module its waiting child had already imported', async () => {
    await compiler.ready();
    editFile(dir, 'runtime.ts', '[StateType.RUNNING]', '[StateType.RUNNING, StateType.COMPLETED]');
    const run = await compiler.generate();
    expect(ruleCount(run, 'COMPLETED')).toBe(1);
    expect(run.files).toContainEqual({
      path: 'generated/gate-policy.ts',
      status: 'changed',
      policy: 'GatePolicy',
    });
  });

  it('sees an edit to the policy after the child started', async () => {
    await compiler.ready();
    editFile(dir, 'policies.ts', 'new Set([StateType.PENDING])', 'new Set([StateType.RUNNING])');
    const run = await compiler.generate();
    expect(ruleCount(run, 'COMPLETED')).toBe(0);
    expect(run.model?.policies[0]?.distinctCells).toContainEqual([0]);
  });
});
