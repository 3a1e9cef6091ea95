/**
 * `npm run verify`: every check beyond the type checker, in one command, as CI runs it.
 * Runs them all (a failure does not hide the next one), prints each one's time, and
 * exits 1 if any failed.
 *
 *   eslint   type-aware lint (eslint.config.js)
 *   cycles   import cycles, type-only imports included (dpdm)
 *   knip     unused files, exports and dependencies (knip.jsonc)
 *   api      the committed public API reports in api/ are fresh (scripts/api-report)
 *
 * `npm run verify -- eslint knip` runs only the named checks.
 */
import { spawnSync } from 'node:child_process';

// Each check is the npm script `verify:<name>` (`api` is `api:check`), so it can also
// be run alone.
const CHECKS: Record<string, string> = {
  eslint: 'verify:eslint',
  cycles: 'verify:cycles',
  knip: 'verify:knip',
  api: 'api:check',
};

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in CHECKS));
if (unknown.length > 0) {
  process.stderr.write(
    `verify: unknown check ${unknown.join(', ')}; checks: ${Object.keys(CHECKS).join(', ')}\n`,
  );
  process.exit(2);
}
const failed: string[] = [];
const times: string[] = [];
for (const name of chosen.length > 0 ? chosen : Object.keys(CHECKS)) {
  process.stdout.write(`\n== verify: ${name}\n`);
  const started = performance.now();
  const run = spawnSync('npm', ['run', '-s', CHECKS[name]!], { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  times.push(`${name} ${seconds} s`);
  if (run.status !== 0) failed.push(name);
}
process.stdout.write(`\nverify: ${times.join(', ')}\n`);
if (failed.length > 0) {
  process.stderr.write(`verify: FAILED: ${failed.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write('verify: all checks passed\n');
