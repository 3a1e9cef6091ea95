/**
 * Run in a child process (node --import tsx) by the differential property test:
 * imports a project's generated index and its policy modules, compares every compiled
 * policy with its dynamic filter, checks that its indexer rejects non-members and that
 * its exported codes (`<Policy>Codes`, `<Policy>NullCode`) equal its indexer's, and
 * prints `{ policies, failures }` as JSON. A child imports hundreds of fresh modules
 * much faster than the test runner's module pipeline does.
 *
 * Usage: verify-generated-child.ts <project folder> <policy module>...
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledPolicy, PolicyClass } from '../../../src/index.ts';
import { dynamicFilterMismatches } from './dynamic-filter-mismatches.ts';

/** Values a policy's indexer must reject: near misses of its names, and non-strings. */
export function nonMembers(states: readonly (string | null)[]): unknown[] {
  const members = new Set<unknown>(states);
  const candidates: unknown[] = ['', 'null', undefined, 42, {}];
  for (const state of states) {
    if (state === null) continue;
    const last = state.charCodeAt(state.length - 1);
    candidates.push(
      `${state}\u0000`,
      state.slice(1),
      state.slice(0, -1) + String.fromCharCode((last + 1) % 0xffff),
    );
    candidates.push(state.toLowerCase(), state.toUpperCase(), ` ${state}`);
  }
  return candidates.filter((candidate) => !members.has(candidate));
}

/** Every failure of `compiled` against `policy`, described. */
export function verifyCompiled(
  compiled: CompiledPolicy,
  policy: PolicyClass | undefined,
): string[] {
  if (policy === undefined) return [`${compiled.name}: no policy class of that name`];
  const failures = dynamicFilterMismatches(compiled, policy).map((m) => `${compiled.name}: ${m}`);
  for (const candidate of nonMembers(compiled.states)) {
    const shown = typeof candidate === 'string' ? JSON.stringify(candidate) : String(candidate);
    try {
      const code = compiled.code(candidate as string);
      failures.push(`${compiled.name}: code(${shown}) returned ${code} instead of throwing`);
    } catch (error) {
      if (!(error instanceof TypeError) || !error.message.includes(`for policy ${compiled.name}`)) {
        failures.push(
          `${compiled.name}: code(${shown}) threw ${String(error)}, not a TypeError naming the policy`,
        );
      }
    }
  }
  return failures;
}

/**
 * Every failure of a policy's exported codes, given the generated exports (by name):
 * `<Policy>Codes` must be a frozen plain object with exactly the state types as own keys
 * (compared as sets: integer-like keys enumerate first), each mapped to `code(state)`;
 * `<Policy>NullCode` must be `code(null)`.
 */
export function verifyCodes(compiled: CompiledPolicy, exports: Record<string, unknown>): string[] {
  const name = compiled.name;
  const codes = exports[`${name}Codes`] as Record<string, unknown> | undefined;
  const nullCode = exports[`${name}NullCode`];
  if (codes === undefined) return [`${name}: no export ${name}Codes`];
  const failures: string[] = [];
  const states = compiled.states.filter((state) => state !== null);
  const keys = Reflect.ownKeys(codes);
  const sorted = (list: readonly unknown[]): string => JSON.stringify(list.map(String).sort());
  if (keys.some((key) => typeof key !== 'string') || sorted(keys) !== sorted(states)) {
    failures.push(`${name}Codes has the keys ${JSON.stringify(keys)}, not the states`);
  }
  for (const state of states) {
    if (!Object.hasOwn(codes, state) || codes[state] !== compiled.code(state)) {
      failures.push(`${name}Codes[${JSON.stringify(state)}] is not code(state)`);
    }
  }
  if (!Object.isFrozen(codes) || Object.getPrototypeOf(codes) !== Object.prototype) {
    failures.push(`${name}Codes is not a frozen plain object`);
  }
  if (nullCode !== compiled.code(null)) {
    failures.push(`${name}NullCode is ${String(nullCode)}, not code(null)`);
  }
  return failures;
}

async function main(root: string, modules: string[]): Promise<void> {
  const generated = (await import(pathToFileURL(path.join(root, 'generated/index.ts')).href)) as {
    compiledPolicies: readonly CompiledPolicy[];
  } & Record<string, unknown>;
  const classes: Record<string, unknown> = {};
  for (const module of modules)
    Object.assign(classes, await import(pathToFileURL(path.join(root, module)).href));
  const failures = generated.compiledPolicies.flatMap((compiled) => [
    ...verifyCompiled(compiled, classes[compiled.name] as PolicyClass | undefined),
    ...verifyCodes(compiled, generated),
  ]);
  process.stdout.write(
    JSON.stringify({ policies: generated.compiledPolicies.map((p) => p.name), failures }),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, ...modules] = process.argv.slice(2);
  await main(root as string, modules);
}
