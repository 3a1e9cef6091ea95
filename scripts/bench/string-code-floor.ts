/**
 * The floor of a string lookup: what turning two state names into matrix codes costs
 * with different indexers (no check, one verifying comparison, the generated perfect
 * hash, a switch, an object, a Map), against raw codes and a nested Map, over the same
 * 4,096 uniform pairs of the reference states. Run: `npx tsx scripts/bench/string-code-floor.ts`.
 * It shows that one `===` verification alone costs about as much as the rest of the
 * lookup on Node 20, which bounds `generated-string` against `nested-map`.
 */
const states = [
  'SCHEDULED',
  'PENDING',
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'CRASHED',
  'PAUSED',
  'CANCELLING',
  null,
] as readonly (string | null)[];
const N = 10;
function slotOf(state: string): number {
  return Math.imul(state.length * 0xbeff + state.charCodeAt(3) * 0xbb49, 0x7cf39a37) >>> 28;
}
const keys = states.slice();
const slots = new Uint8Array(16).fill(9);
for (let i = 0; i < 9; i++) slots[slotOf(keys[i] as string)] = i;
function codeHash(state: string | null): number {
  if (typeof state === 'string') {
    const index = slots[slotOf(state)] as number;
    if (keys[index] === state) return index;
  } else if (state === null) return 9;
  throw new TypeError('x');
}
function codeHashNullFirst(state: string | null): number {
  if (state === null) return 9;
  const index = slots[slotOf(state)]!;
  if (keys[index] === state) return index;
  throw new TypeError('x');
}
function codeSwitch(state: string | null): number {
  switch (state) {
    case 'SCHEDULED':
      return 0;
    case 'PENDING':
      return 1;
    case 'RUNNING':
      return 2;
    case 'COMPLETED':
      return 3;
    case 'FAILED':
      return 4;
    case 'CANCELLED':
      return 5;
    case 'CRASHED':
      return 6;
    case 'PAUSED':
      return 7;
    case 'CANCELLING':
      return 8;
    case null:
      return 9;
  }
  throw new TypeError('x');
}
const map = new Map(states.map((s, i) => [s, i]));
function codeMap(state: string | null): number {
  const c = map.get(state);
  if (c === undefined) throw new TypeError('x');
  return c;
}
const obj: Record<string, number> = Object.create(null) as Record<string, number>;
states.forEach((s, i) => {
  if (s !== null) obj[s] = i;
});
function codeObj(state: string | null): number {
  if (state === null) return 9;
  const c = obj[state];
  if (c === undefined) throw new TypeError('x');
  return c;
}
function codeLen(state: string | null): number {
  return state === null ? 9 : state.length - 6;
}
function codeChar(state: string | null): number {
  return state === null ? 9 : state.charCodeAt(3) & 7;
}
function codeCmp(state: string | null): number {
  if (state === null) return 9;
  const i = state.length - 6;
  if (keys[i] === state) return i;
  return 0;
}
const cells: number[][] = Array.from({ length: 100 }, (_, i) => new Array<number>(i % 7).fill(0));
let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const M = 4096;
const fs: (string | null)[] = [],
  ts: (string | null)[] = [];
for (let i = 0; i < M; i++) {
  fs.push(states[Math.floor(rnd() * 10)]!);
  ts.push(states[Math.floor(rnd() * 10)]!);
}
const fc = fs.map(codeMap),
  tc = ts.map(codeMap);
const nested = new Map(
  states.map((f, i) => [f, new Map(states.map((t, j) => [t, cells[i * 10 + j]!]))]),
);
const cases: Record<string, () => number> = {
  raw: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[fc[i]! * N + tc[i]!]!.length;
    return s;
  },
  hash: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[codeHash(fs[i]!) * N + codeHash(ts[i]!)]!.length;
    return s;
  },
  hashNullFirst: () => {
    let s = 0;
    for (let i = 0; i < M; i++)
      s += cells[codeHashNullFirst(fs[i]!) * N + codeHashNullFirst(ts[i]!)]!.length;
    return s;
  },
  switch: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[codeSwitch(fs[i]!) * N + codeSwitch(ts[i]!)]!.length;
    return s;
  },
  map: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[codeMap(fs[i]!) * N + codeMap(ts[i]!)]!.length;
    return s;
  },
  obj: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[codeObj(fs[i]!) * N + codeObj(ts[i]!)]!.length;
    return s;
  },
  len: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[codeLen(fs[i]!) * N + codeLen(ts[i]!)]!.length;
    return s;
  },
  char: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[codeChar(fs[i]!) * N + codeChar(ts[i]!)]!.length;
    return s;
  },
  cmp: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += cells[codeCmp(fs[i]!) * N + codeCmp(ts[i]!)]!.length;
    return s;
  },
  nested: () => {
    let s = 0;
    for (let i = 0; i < M; i++) s += nested.get(fs[i]!)!.get(ts[i]!)!.length;
    return s;
  },
};
const res: Record<string, number[]> = {};
let sink = 0;
for (let round = 0; round < 60; round++)
  for (const [k, f] of Object.entries(cases)) {
    const t = process.hrtime.bigint();
    for (let r = 0; r < 20; r++) sink += f();
    (res[k] ??= []).push(Number(process.hrtime.bigint() - t) / (20 * M));
  }
for (const [k, v] of Object.entries(res)) {
  v.sort((a, b) => a - b);
  console.log(k.padEnd(14), v[v.length >> 1]!.toFixed(2), 'ns');
}
console.log(sink);
