/**
 * The benchmark's JSON contract, which other programs read: exactly the
 * three sections `lookup`, `orchestration` and `codegen`, each `{ unit, cases }` with
 * exactly the case names of the contract, in its order, and each figure the median of
 * the section's reported group. Nothing else is written at top level or in a section.
 */
import type { BenchRun, SectionId } from './bench-run.ts';

const CONTRACT: Readonly<Record<SectionId, { unit: 'ns' | 'ms'; cases: readonly string[] }>> = {
  lookup: {
    unit: 'ns',
    cases: [
      'raw-array',
      'generated-code',
      'generated-string',
      'nested-map',
      'memo-map',
      'dynamic-filter',
    ],
  },
  orchestration: { unit: 'ns', cases: ['prefect-port', 'generated', 'generated-hooked'] },
  orion: { unit: 'ns', cases: ['prefect-port', 'generated', 'generated-long-lived'] },
  codegen: { unit: 'ms', cases: ['generate-repo', 'check-repo', 'generate-large'] },
};

export type ContractJson = Record<SectionId, { unit: 'ns' | 'ms'; cases: Record<string, number> }>;

/** The contract object; throws naming the section and case when the run lacks one. */
export function contractJson(run: BenchRun): ContractJson {
  const sections = Object.keys(CONTRACT) as SectionId[];
  const json = {} as ContractJson;
  for (const section of sections) {
    const { unit, cases } = CONTRACT[section];
    const group = run.groups.find((g) => g.section === section && g.reported);
    if (group === undefined)
      throw new Error(`The run has no reported ${section} group for the JSON contract.`);
    if (group.unit !== unit)
      throw new Error(`The ${section} group is in ${group.unit}; the contract says ${unit}.`);
    const figures: Record<string, number> = {};
    for (const name of cases) {
      const measured = group.cases.find((c) => c.name === name);
      if (measured === undefined)
        throw new Error(`The ${section} group has no case "${name}" for the JSON contract.`);
      figures[name] = round(measured.summary.median);
    }
    json[section] = { unit, cases: figures };
  }
  return json;
}

/** Four significant digits: more than the measurement supports, fewer than noise digits. */
function round(value: number): number {
  return Number(value.toPrecision(4));
}
