/**
 * The performance targets of issues 5 and 11, as ratios of medians between two cases of one
 * group, and their evaluation on a run. A miss is reported, never fatal: the bench
 * measures, it does not gate.
 */
import type { BenchRun, MeasuredGroup, SectionId } from './bench-run.ts';

export interface Target {
  readonly section: SectionId;
  readonly subject: string;
  readonly baseline: string;
  /** `atMost`: subject ≤ factor × baseline; `atLeast`: subject ≥ factor × baseline. */
  readonly kind: 'atMost' | 'atLeast';
  readonly factor: number;
  /** Only groups of these workloads are judged (all of the section's when absent). */
  readonly workloads?: readonly string[];
}

const TARGETS: readonly Target[] = [
  {
    section: 'lookup',
    subject: 'generated-code',
    baseline: 'raw-array',
    kind: 'atMost',
    factor: 1.3,
  },
  {
    section: 'lookup',
    subject: 'nested-map',
    baseline: 'generated-string',
    kind: 'atLeast',
    factor: 3,
  },
  {
    section: 'lookup',
    subject: 'dynamic-filter',
    baseline: 'generated-string',
    kind: 'atLeast',
    factor: 40,
  },
  {
    section: 'orchestration',
    subject: 'prefect-port',
    baseline: 'generated',
    kind: 'atLeast',
    factor: 5,
    workloads: ['machinery'],
  },
  {
    section: 'orchestration',
    subject: 'generated-hooked',
    baseline: 'generated',
    kind: 'atMost',
    factor: 3,
    workloads: ['machinery'],
  },
  {
    section: 'orion',
    subject: 'prefect-port',
    baseline: 'generated',
    kind: 'atLeast',
    factor: 3,
  },
  {
    section: 'orion',
    subject: 'generated-long-lived',
    baseline: 'generated',
    kind: 'atMost',
    factor: 1.15,
  },
];

export interface TargetVerdict {
  readonly target: Target;
  readonly workload: string;
  /** subject median / baseline median. */
  readonly ratio: number;
  /** The ratio's range from the quartiles: (p25/p75, p75/p25). */
  readonly low: number;
  readonly high: number;
  readonly pass: boolean;
}

/** Every target judged on every group it applies to, in target order. */
export function judgeTargets(run: BenchRun): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  for (const target of TARGETS) {
    for (const group of run.groups) {
      if (group.section !== target.section) continue;
      if (target.workloads !== undefined && !target.workloads.includes(group.workload)) continue;
      const verdict = judge(target, group);
      if (verdict !== null) verdicts.push(verdict);
    }
  }
  return verdicts;
}

/** `generated-code ≤ 1.3 × raw-array` */
export function describeTarget(target: Target): string {
  return `${target.subject} ${target.kind === 'atMost' ? '≤' : '≥'} ${target.factor} × ${target.baseline}`;
}

function judge(target: Target, group: MeasuredGroup): TargetVerdict | null {
  const subject = group.cases.find((c) => c.name === target.subject)?.summary;
  const baseline = group.cases.find((c) => c.name === target.baseline)?.summary;
  if (subject === undefined || baseline === undefined) return null;
  const ratio = subject.median / baseline.median;
  return {
    target,
    workload: group.workload,
    ratio,
    low: subject.p25 / baseline.p75,
    high: subject.p75 / baseline.p25,
    pass: target.kind === 'atMost' ? ratio <= target.factor : ratio >= target.factor,
  };
}
