/**
 * Validating a loaded config into a `ResolvedConfig`: absolute paths, defaults applied.
 * Every problem is reported at the offending key of the config file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { relativePosix } from '../path/relative-posix.ts';
import type { ProblemCode } from '../problem/diagnostics.ts';
import type { Problem } from '../problem/problem.ts';
import { didYouMean } from '../problem/suggest-name.ts';
import type { BenchConfig } from '../bench/bench-config.ts';
import type { ImportExtension, PolicyMatrixConfig } from './define-config.ts';

/** How generated modules import the runtime. */
export type RuntimeImport = { kind: 'package'; specifier: string } | { kind: 'file'; file: string };

export interface ResolvedConfig {
  /** The project root: the config file's folder. Every output path is relative to it. */
  root: string;
  /** The config file (absolute); for an inline config, where it would be. */
  configFile: string;
  /** The policy modules, absolute, in config order. */
  modules: string[];
  /** The output folder, absolute. */
  outDir: string;
  runtime: RuntimeImport;
  importExtension: ImportExtension;
  regenerateCommand: string;
  /** Whether `generate` writes, and `check` verifies, the report folder. */
  report: boolean;
  /** The report folder (absolute): `<outDir>/report`. */
  reportDir: string;
  /** How long evaluating the policies may take, in ms. */
  timeoutMs: number;
  /** Generate only these policies (class names); `undefined`: every exported policy. */
  policies: string[] | undefined;
  /** Never generate these policies (class names). */
  exclude: string[];
  /** Whether generate writes, and check verifies, `<outDir>/.gitattributes`. */
  gitattributes: boolean;
  /** The `bench` section: how `bench` builds whole transitions; undefined when absent. */
  bench: BenchConfig | undefined;
}

/** The evaluation timeout when the config sets none, in seconds. */
const DEFAULT_TIMEOUT_SECONDS = 20;

/** The report folder's name inside the output folder. */
const REPORT_FOLDER = 'report';

const KEYS: readonly (keyof PolicyMatrixConfig)[] = [
  'modules',
  'outDir',
  'runtime',
  'importExtension',
  'regenerateCommand',
  'report',
  'timeout',
  'policies',
  'exclude',
  'gitattributes',
  'bench',
];
const EXTENSIONS: readonly ImportExtension[] = ['.ts', '.js', ''];

/**
 * Checks `raw` (the config file's default export) and resolves it against the config
 * file's folder. Returns the resolved config, or the problems that prevent it.
 */
export function resolveConfig(
  raw: unknown,
  configFile: string,
): { config: ResolvedConfig; problems: [] } | { config: undefined; problems: Problem[] } {
  const root = path.dirname(configFile);
  const file = relativePosix(root, configFile);
  const text = existsSync(configFile) ? readFileSync(configFile, 'utf8') : '';
  const problems: Problem[] = [];
  const at = (code: ProblemCode, key: string | undefined, message: string): void => {
    problems.push({ code, file, ...locateKey(text, key), message });
  };

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    at(
      'PM004',
      undefined,
      `The config must be an object (export default defineConfig({ modules: [...] })), got ${describe(raw)}.`,
    );
    return { config: undefined, problems };
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      at(
        'PM005',
        key,
        `Unknown config key "${key}".${didYouMean(key, KEYS)} Valid keys: ${KEYS.join(', ')}.`,
      );
    }
  }

  const modules: string[] = [];
  const rawModules = record.modules;
  if (!Array.isArray(rawModules) || rawModules.length === 0) {
    at(
      'PM006',
      'modules',
      `"modules" must be a non-empty array of the files that export your policies and rules, got ${describe(rawModules)}.`,
    );
  } else {
    rawModules.forEach((entry: unknown, index) => {
      if (typeof entry !== 'string' || entry === '') {
        at('PM006', 'modules', `modules[${index}] must be a file path, got ${describe(entry)}.`);
        return;
      }
      const absolute = path.resolve(root, entry);
      if (!isFile(absolute)) {
        at(
          'PM007',
          'modules',
          `modules[${index}] "${entry}" does not exist (looked for ${relativePosix(root, absolute)}); list the modules that export your policies, relative to the config file.`,
        );
        return;
      }
      if (!modules.includes(absolute)) modules.push(absolute);
    });
  }

  const outDirRaw = record.outDir ?? 'generated';
  if (typeof outDirRaw !== 'string' || outDirRaw.trim() === '') {
    at('PM006', 'outDir', `"outDir" must be a folder path, got ${describe(outDirRaw)}.`);
  }
  const outDir = path.resolve(root, typeof outDirRaw === 'string' ? outDirRaw : 'generated');
  if (typeof outDirRaw === 'string' && outDir === root) {
    at(
      'PM009',
      'outDir',
      '"outDir" must not be the project root: generated files need a folder of their own, such as "generated".',
    );
  } else if (typeof outDirRaw === 'string') {
    const own = [
      ...(isInside(configFile, outDir) ? [{ file: configFile, what: 'the config file' }] : []),
      ...modules
        .filter((module) => isInside(module, outDir))
        .map((module) => ({ file: module, what: 'a module named in "modules"' })),
    ];
    for (const { file: held, what } of own)
      at('PM009', 'outDir', outDirHoldsMessage(outDirRaw, relativePosix(root, held), what));
  }

  const runtimeRaw = record.runtime ?? 'policy-matrix';
  let runtime: RuntimeImport = { kind: 'package', specifier: 'policy-matrix' };
  if (typeof runtimeRaw !== 'string' || runtimeRaw === '') {
    at(
      'PM006',
      'runtime',
      `"runtime" must be a package name or a relative file path, got ${describe(runtimeRaw)}.`,
    );
  } else if (runtimeRaw.startsWith('./') || runtimeRaw.startsWith('../')) {
    const absolute = path.resolve(root, runtimeRaw);
    if (!isFile(absolute)) {
      at(
        'PM008',
        'runtime',
        `"runtime" file "${runtimeRaw}" does not exist; point it at the runtime's entry module (this repository: "./src/index.ts").`,
      );
    }
    runtime = { kind: 'file', file: absolute };
  } else {
    runtime = { kind: 'package', specifier: runtimeRaw };
  }

  const extensionRaw = record.importExtension ?? '.js';
  if (!(EXTENSIONS as readonly unknown[]).includes(extensionRaw)) {
    at(
      'PM006',
      'importExtension',
      `"importExtension" must be ".ts", ".js" or "", got ${describe(extensionRaw)}.`,
    );
  }

  const commandRaw = record.regenerateCommand ?? 'npx policy-matrix generate';
  if (
    typeof commandRaw !== 'string' ||
    commandRaw === '' ||
    /[\r\n\u2028\u2029]/.test(commandRaw)
  ) {
    at(
      'PM006',
      'regenerateCommand',
      `"regenerateCommand" must be a one-line command, got ${describe(commandRaw)}.`,
    );
  }

  const reportRaw = record.report ?? false;
  if (typeof reportRaw !== 'boolean') {
    at(
      'PM006',
      'report',
      `"report" must be true (write a markdown and SVG report per policy into ${relativePosix(root, path.join(outDir, REPORT_FOLDER))}/) or false, got ${describe(reportRaw)}.`,
    );
  }

  const timeoutRaw = record.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (!isTimeout(timeoutRaw)) {
    at(
      'PM006',
      'timeout',
      `"timeout" must be a positive number of seconds (how long evaluating the policies may take; default ${DEFAULT_TIMEOUT_SECONDS}), got ${describe(timeoutRaw)}.`,
    );
  }

  const names = (key: 'policies' | 'exclude'): string[] | undefined => {
    const value = record[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((name) => typeof name !== 'string' || name === '')) {
      at(
        'PM006',
        key,
        `"${key}" must be an array of policy class names, such as ["MyTaskPolicy"], got ${describe(value)}.`,
      );
      return undefined;
    }
    return [...new Set(value as string[])];
  };
  const policies = names('policies');
  const exclude = names('exclude') ?? [];

  const gitattributesRaw = record.gitattributes ?? false;
  if (typeof gitattributesRaw !== 'boolean') {
    at(
      'PM006',
      'gitattributes',
      `"gitattributes" must be true (write ${relativePosix(root, path.join(outDir, '.gitattributes'))} pinning LF line endings) or false, got ${describe(gitattributesRaw)}.`,
    );
  }

  const benchRaw = record.bench;
  if (
    benchRaw !== undefined &&
    (typeof benchRaw !== 'object' ||
      benchRaw === null ||
      typeof (benchRaw as { transition?: unknown }).transition !== 'function')
  ) {
    at(
      'PM006',
      'bench',
      `"bench" must be an object with a transition(from, to, policy) function returning { context, commit } for one transition, got ${describe(benchRaw)}${typeof benchRaw === 'object' && benchRaw !== null ? ' without a transition function' : ''}.`,
    );
  }

  if (problems.length > 0) return { config: undefined, problems };
  return {
    config: {
      root,
      configFile,
      modules,
      outDir,
      runtime,
      importExtension: extensionRaw as ImportExtension,
      regenerateCommand: commandRaw as string,
      report: reportRaw === true,
      reportDir: path.join(outDir, REPORT_FOLDER),
      timeoutMs: Math.round((timeoutRaw as number) * 1000),
      policies,
      exclude,
      gitattributes: gitattributesRaw === true,
      bench: benchRaw as BenchConfig | undefined,
    },
    problems: [],
  };
}

/**
 * The problem with an `outDir` that holds the user's own code: generate writes and
 * removes files there, so it must be a folder of its own.
 */
export function outDirHoldsMessage(outDir: string, file: string, what: string): string {
  return `"outDir" ${JSON.stringify(outDir)} holds ${file}, ${what}; generate writes and removes files in its output folder, so that folder must not hold your own code. Choose a folder of its own, such as "generated"; nothing was written.`;
}

/** Whether `file` is inside `folder` (at any depth). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Where `key` is set in the config file (its line and column; 1:1 when it cannot be found). */
export function locateConfigKey(configFile: string, key: string): { line: number; column: number } {
  return locateKey(existsSync(configFile) ? readFileSync(configFile, 'utf8') : '', key);
}

/** A usable evaluation timeout in seconds: positive, finite, at most a day. */
export function isTimeout(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 86_400;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** The line and column of `key` in the config source (1:1 when it cannot be found). */
function locateKey(text: string, key: string | undefined): { line: number; column: number } {
  if (key !== undefined) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(^|[\\s{,])(['"]?)${escaped}\\2\\s*:`, 'm').exec(text);
    if (match !== null) {
      const offset = match.index + (match[1]?.length ?? 0);
      const before = text.slice(0, offset).split('\n');
      return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    }
  }
  const defaultExport = text.indexOf('export default');
  if (defaultExport >= 0) {
    const before = text.slice(0, defaultExport).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
  return { line: 1, column: 1 };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'function') return 'a function';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'symbol') return value.toString();
  return 'an object';
}
