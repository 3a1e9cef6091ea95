/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function (top
 * entries) and per coarse category (store, orchestration loop, rules, copies, engine,
 * promises and microtasks, GC, other), as percentages of the sampled time.
 *
 *   npx tsx scripts/bench/profile/summarize-profile.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write(
    'usage: tsx scripts/bench/profile/summarize-profile.ts <file.cpuprofile> [top]\n',
  );
  process.exit(2);
}
const top = Number(process.argv[3]) || 25;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id)!;
  const dt = profile.timeDeltas[i] ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)' || (functionName === '(program)' && url === '')) {
    if (functionName === '(idle)') return;
  }
  const where =
    url === ''
      ? ''
      : ` ${url.replace(/^.*\/(src|scripts|generated|node_modules)\//, '$1/')}:${lineNumber + 1}`;
  const key = `${functionName || '(anonymous)'}${where}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});

const CATEGORIES: [string, RegExp][] = [
  ['GC', /^\(garbage collector\)/],
  ['store (src/orion/store)', /src\/orion\/store\//],
  ['state and run copies', /src\/state\.ts|src\/orion\/runs\//],
  [
    'orchestration loop, scopes, context',
    /src\/(orchestrate|open-scope|orchestration-context|orchestration-rule|universal-transform|response)/,
  ],
  ['engine and contexts', /src\/orion\/(engine|contexts)\//],
  ['rules and transforms', /src\/orion\/(rules|transforms)\//],
  ['matrix lookups', /generated\/|src\/compiled-policy|src\/transition-rules/],
  ['bench driver', /scripts\//],
  [
    'promises, microtasks, runtime',
    /^(\(program\)|\(anonymous\)$|processTicksAndRejections|runMicrotasks|Promise|then|resolve|await)/,
  ],
];
const categories = new Map<string, number>();
for (const [key, time] of self) {
  const category =
    CATEGORIES.find(([, re]) => re.test(key))?.[0] ?? 'other (V8 builtins, node internals)';
  categories.set(category, (categories.get(category) ?? 0) + time);
}
const pct = (t: number): string => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
process.stdout.write(`sampled ${(total / 1000).toFixed(0)} ms\n\nby category:\n`);
for (const [name, time] of [...categories].sort((a, b) => b[1] - a[1]))
  process.stdout.write(`  ${pct(time)}  ${name}\n`);
process.stdout.write(`\ntop ${top} functions by self time:\n`);
for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`  ${pct(time)}  ${name}\n`);
