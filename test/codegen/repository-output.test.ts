/**
 * This repository's own generated/ (the Orion preset compiled by `npm run generate`):
 * committed output must be fresh, and agree with each policy's dynamic filter on every
 * cell, through the generated modules themselves and through `dump --json`.
 */
import { describe, expect, it } from 'vitest';
import { check, dump } from '../../codegen/index.ts';
import { compiledPolicies } from '../../generated/index.ts';
import * as orion from '../../src/orion/index.ts';
import type { PolicyClass } from '../../src/index.ts';
import { dynamicFilterMismatches } from './support/dynamic-filter-mismatches.ts';
import { REPO_ROOT } from './support/fixture-project.ts';

describe('generated/ of this repository', () => {
  it('compiles the six Orion policies', () => {
    expect(compiledPolicies.map((policy) => policy.name)).toEqual([
      'CoreFlowPolicy',
      'CoreTaskPolicy',
      'GlobalFlowPolicy',
      'GlobalTaskPolicy',
      'MinimalFlowPolicy',
      'MinimalTaskPolicy',
    ]);
  });

  it("agrees with each policy's dynamic filter on every cell", () => {
    for (const compiled of compiledPolicies) {
      const policy = (orion as Record<string, unknown>)[compiled.name] as PolicyClass;
      expect(dynamicFilterMismatches(compiled, policy), compiled.name).toEqual([]);
    }
  });

  it('is fresh (run `npm run generate` after changing src/orion)', async () => {
    const result = await check({ cwd: REPO_ROOT });
    expect(result.problems).toEqual([]);
    expect(result.files.filter((file) => file.status !== 'fresh')).toEqual([]);
  });

  it('dumps the same contract from the generated modules as from the dynamic filter', async () => {
    const [generated, dynamic] = await Promise.all([
      dump({ cwd: REPO_ROOT }),
      dump({ cwd: REPO_ROOT, dynamic: true }),
    ]);
    expect(generated.problems).toEqual([]);
    expect(dynamic.problems).toEqual([]);
    expect(generated.dump?.policies.map((p) => p.cells.length)).toEqual([
      100, 100, 100, 100, 100, 100,
    ]);
    expect(generated.dump).toEqual(dynamic.dump);
  });
});
