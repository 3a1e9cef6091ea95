/**
 * The public API reports: one `api/<package>[-<subpath>].api.md` per entry point of each
 * workspace package, written by API Extractor from the built declarations (`dist/`),
 * so a reviewer sees every change to the public surface as a diff of these files.
 *
 *   npm run api:report          build, then rewrite the reports in api/
 *   npm run api:check           build, then fail (exit 1, with a diff) if a report is stale
 *
 * The entry points are read from each package's `exports` (its `types` targets), so a
 * new entry point gets a report without touching this script; a report without an
 * entry point is stale too. Types that an entry point uses from another entry point of
 * the same package (`State` in `policy-matrix/orion`) are not flagged: users import them
 * from where they are exported, and each report lists only its own entry point's names.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT_FOLDER = path.join(ROOT, 'api');
const WORK_FOLDER = path.join(ROOT, '.tmp/api-report');
const PACKAGE_FOLDERS = ['src', 'codegen'];

interface EntryPoint {
  /** `policy-matrix-orion-postgres` for `policy-matrix/orion/postgres`. */
  reportName: string;
  packageFolder: string;
  declarations: string;
}

function entryPoints(): EntryPoint[] {
  const found: EntryPoint[] = [];
  for (const folder of PACKAGE_FOLDERS) {
    const packageFolder = path.join(ROOT, folder);
    const manifest = JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, string | { types?: string }>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string' || target.types === undefined) continue;
      const name = `${manifest.name}${subpath.slice(1)}`;
      found.push({
        reportName: name.replace(/^@/, '').replace(/[/]/g, '-'),
        packageFolder,
        declarations: path.join(packageFolder, target.types),
      });
    }
  }
  return found.sort((a, b) => a.reportName.localeCompare(b.reportName));
}

function extract(entry: EntryPoint): string {
  // API Extractor compares against the previous report in its folder: start from the
  // committed one, so it stays quiet unless something changed.
  const committed = path.join(REPORT_FOLDER, `${entry.reportName}.api.md`);
  if (existsSync(committed)) {
    writeFileSync(path.join(WORK_FOLDER, `${entry.reportName}.api.md`), readFileSync(committed));
  }
  const config = ExtractorConfig.prepare({
    configObjectFullPath: path.join(WORK_FOLDER, `${entry.reportName}.json`),
    packageJsonFullPath: path.join(entry.packageFolder, 'package.json'),
    configObject: {
      projectFolder: entry.packageFolder,
      mainEntryPointFilePath: entry.declarations,
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            target: 'ES2022',
            lib: ['ES2023', 'ESNext.Disposable'],
            types: ['node'],
            strict: true,
            skipLibCheck: true,
          },
          files: [entry.declarations],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${entry.reportName}.api.md`,
        reportFolder: WORK_FOLDER,
        reportTempFolder: path.join(WORK_FOLDER, 'temp'),
        includeForgottenExports: false,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
          // Release tags (@public, @beta) are not used: the entry points are the contract.
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
          // Listed with source line numbers, which would make every edit a report change.
          'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          // See the header: types shared between entry points are not "forgotten".
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        },
        // The comments are written for readers, not for a documentation generator.
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: true, showVerboseMessages: false });
  if (result.errorCount > 0) {
    throw new Error(`API Extractor failed for ${entry.reportName} (${result.errorCount} errors)`);
  }
  return readFileSync(path.join(WORK_FOLDER, `${entry.reportName}.api.md`), 'utf8');
}

function main(): number {
  const mode = process.argv[2];
  if (mode !== '--check' && mode !== '--update') {
    process.stderr.write('usage: api-report.ts --check | --update\n');
    return 2;
  }
  if (!process.argv.includes('--no-build')) {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  rmSync(WORK_FOLDER, { recursive: true, force: true });
  mkdirSync(WORK_FOLDER, { recursive: true });
  const fresh = new Map(
    entryPoints().map((entry) => [`${entry.reportName}.api.md`, extract(entry)]),
  );
  const committed = existsSync(REPORT_FOLDER)
    ? readdirSync(REPORT_FOLDER).filter((name) => name.endsWith('.api.md'))
    : [];
  if (mode === '--update') {
    mkdirSync(REPORT_FOLDER, { recursive: true });
    for (const name of committed) if (!fresh.has(name)) rmSync(path.join(REPORT_FOLDER, name));
    for (const [name, text] of fresh) writeFileSync(path.join(REPORT_FOLDER, name), text);
    process.stdout.write(`api: ${fresh.size} reports written to api/\n`);
    return 0;
  }
  const stale: string[] = [];
  for (const name of new Set([...committed, ...fresh.keys()])) {
    const file = path.join(REPORT_FOLDER, name);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (before === (fresh.get(name) ?? '')) continue;
    stale.push(name);
    const freshFile = path.join(WORK_FOLDER, fresh.has(name) ? name : 'removed.api.md');
    if (!fresh.has(name)) writeFileSync(freshFile, '');
    try {
      execFileSync('git', ['diff', '--no-index', '--no-color', '--', file, freshFile], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    } catch {
      // git diff exits 1 when the files differ: the diff is already printed.
    }
  }
  if (stale.length > 0) {
    process.stderr.write(
      `api: the public API changed; stale reports: ${stale.join(', ')}.\n` +
        'Review the diff above, then run `npm run api:report` and commit api/.\n',
    );
    return 1;
  }
  process.stdout.write(`api: ${fresh.size} reports up to date\n`);
  return 0;
}

process.exitCode = main();
