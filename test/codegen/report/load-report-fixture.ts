/**
 * Test support: the report fixtures under `test/fixtures/report-<name>/`. Each holds a
 * hand-built `PolicyModel` (`policy.json`, or `policy.ts` exporting `policy`) and the
 * expected outputs checked in next to it (`expected.md`, `expected.svg`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyModel } from '../../../codegen/model/policy-model.ts';

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures',
);

/** The names of the report fixtures, sorted. */
export function reportFixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter(
      (entry) =>
        entry.startsWith('report-') && existsSync(path.join(FIXTURES, entry, 'expected.md')),
    )
    .sort();
}

/** The fixture's policy model. */
export async function loadReportFixture(name: string): Promise<PolicyModel> {
  const folder = path.join(FIXTURES, name);
  const json = path.join(folder, 'policy.json');
  if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')) as PolicyModel;
  const module = (await import(path.join(folder, 'policy.ts'))) as { policy: PolicyModel };
  return module.policy;
}
