/**
 * Golden fixtures: each scenario's input policies and expected generated modules are
 * checked in (test/fixtures/golden-*); generating must reproduce them byte for byte.
 * Run with PM_UPDATE_GOLDEN=1 to rewrite the expected files after an intended change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTypeScript } from '../../codegen/emit/format-typescript.ts';
import { generate, type GenerateResult } from '../../codegen/index.ts';
import { loadConfig } from '../../codegen/config/load-config.ts';
import type { CompiledPolicy, PolicyClass } from '../../src/index.ts';
import { dynamicFilterMismatches } from './support/dynamic-filter-mismatches.ts';
import { FIXTURES } from './support/fixture-project.ts';
import { verifyCodes } from './support/verify-generated-child.ts';

const SCENARIOS = readdirSync(FIXTURES)
  .filter((name) => name.startsWith('golden-'))
  .sort();

describe('golden fixtures', () => {
  it('exist', () => {
    expect(SCENARIOS).toEqual(['golden-basic', 'golden-hostile-states', 'golden-package-import']);
  });

  for (const scenario of SCENARIOS) {
    describe(scenario, () => {
      const root = path.join(FIXTURES, scenario);

      let generated: GenerateResult;
      beforeAll(async () => {
        generated = await generate({ cwd: root, write: process.env.PM_UPDATE_GOLDEN === '1' });
      });

      it('generates exactly the checked-in modules, byte for byte', () => {
        expect(generated.problems).toEqual([]);
        const expectedFiles = readdirSync(path.join(root, 'generated'))
          .sort()
          .map((name) => `generated/${name}`);
        expect([...generated.contents.keys()].sort()).toEqual(expectedFiles);
        for (const [file, content] of generated.contents) {
          expect(content, file).toBe(readFileSync(path.join(root, file), 'utf8'));
        }
      });

      it('emits modules that the pinned prettier options leave unchanged', async () => {
        expect(generated.contents.size).toBeGreaterThan(1);
        for (const [file, content] of generated.contents) {
          expect(await formatTypeScript(content), file).toBe(content);
        }
      });

      it('checked-in modules agree with the dynamic filter on every cell', async () => {
        const index = (await import(pathToFileURL(path.join(root, 'generated/index.ts')).href)) as {
          compiledPolicies: readonly CompiledPolicy[];
        };
        const { config } = await loadConfig({ cwd: root });
        const exported: Record<string, unknown> = {};
        for (const module of config?.modules ?? [])
          Object.assign(exported, await import(pathToFileURL(module).href));
        expect(index.compiledPolicies.length).toBeGreaterThan(0);
        for (const compiled of index.compiledPolicies) {
          expect(
            dynamicFilterMismatches(compiled, exported[compiled.name] as PolicyClass),
            compiled.name,
          ).toEqual([]);
        }
      });

      it("checked-in modules export each state's code and the code of null, as code() gives them", async () => {
        const index = (await import(pathToFileURL(path.join(root, 'generated/index.ts')).href)) as {
          compiledPolicies: readonly CompiledPolicy[];
        } & Record<string, unknown>;
        for (const compiled of index.compiledPolicies) {
          expect(verifyCodes(compiled, index), compiled.name).toEqual([]);
        }
      });
    });
  }
});
