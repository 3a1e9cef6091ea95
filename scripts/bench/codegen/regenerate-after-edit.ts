/**
 * The `regenerate-after-edit` case of the codegen section: save-to-written-module with
 * the warm compiler that `watch` and the build plugin keep between edits, on this
 * repository's Orion policies.
 *
 * The runtime and the Orion preset (src/) are copied to .tmp/bench/regenerate-after-edit
 * with a config like this repository's (report included), so the bench never edits
 * src/. Each sample saves one rule file (CopyScheduledTime's TO_STATES, alternating
 * between two sets, so every save changes the matrices of the policies listing it) and
 * times until `WarmCompiler.generate` has written the changed modules. The untimed
 * `prepare` waits for the evaluation child the compiler starts ahead of time, as the
 * seconds between two saves would.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../codegen/config/load-config.ts';
import { WarmCompiler } from '../../../codegen/warm/warm-compiler.ts';
import type { BenchCase } from '../../../codegen/bench/harness/bench-case.ts';

const RULE_FILE = 'src/orion/rules/copy-scheduled-time.ts';
const TO_STATES = 'new Set<StateName | null>([StateType.PENDING])';
const EDITED = 'new Set<StateName | null>([StateType.PENDING, StateType.RUNNING])';

export interface RegenerateAfterEditCase extends BenchCase {
  /** Stops the compiler's evaluation child. */
  close(): void;
}

/** Copies the project, warms the compiler with one run, and returns the case. */
export async function regenerateAfterEditCase(root: string): Promise<RegenerateAfterEditCase> {
  const dir = join(root, '.tmp', 'bench', 'regenerate-after-edit');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'policy-matrix.config.ts'),
    [
      "// Written by scripts/bench/codegen/regenerate-after-edit.ts: this repository's config on a copy of src/.",
      'export default {',
      "  modules: ['./src/orion/index.ts'],",
      "  outDir: 'generated',",
      "  runtime: './src/index.ts',",
      "  importExtension: '.ts',",
      "  regenerateCommand: 'npm run bench',",
      '  report: true,',
      '};',
      '',
    ].join('\n'),
  );
  const loaded = await loadConfig({ cwd: dir });
  if (loaded.config === undefined)
    throw new Error('regenerate-after-edit: the config of the copy does not load.');
  const compiler = new WarmCompiler(loaded.config);
  const first = await compiler.generate();
  if (!first.ok)
    throw new Error(
      `regenerate-after-edit: the copy does not compile: ${first.problems[0]?.message}`,
    );

  const ruleFile = join(dir, RULE_FILE);
  const original = readFileSync(ruleFile, 'utf8');
  if (!original.includes(TO_STATES))
    throw new Error(`regenerate-after-edit: ${RULE_FILE} no longer holds ${TO_STATES}.`);
  let edited = false;
  return {
    name: 'regenerate-after-edit',
    opsPerRep: 1,
    prepare: () => compiler.ready(),
    async run(reps) {
      let written = 0;
      for (let r = 0; r < reps; r++) {
        edited = !edited;
        writeFileSync(ruleFile, edited ? original.replace(TO_STATES, EDITED) : original);
        const run = await compiler.generate();
        const changed = run.files.filter((file) => file.status === 'changed').length;
        if (!run.ok || changed === 0)
          throw new Error(
            `regenerate-after-edit: the edit rewrote no module (${run.problems[0]?.message ?? 'no problem reported'}).`,
          );
        written += changed;
      }
      return written;
    },
    close: () => compiler.close(),
  };
}
