/**
 * `PM_POSTGRES_URL` for the tests that need a PostgreSQL server. Without it they are
 * skipped, and say why on the console; in CI (`CI=true`) a missing URL is an error,
 * so a server that failed to start cannot pass as skipped tests.
 */

/** The server URL, or '' after printing why the file's tests are skipped. Throws in CI. */
export function serverUrl(file: string): string {
  const url = process.env['PM_POSTGRES_URL'] ?? '';
  if (url !== '') return url;
  if (process.env['CI'] === 'true') {
    throw new Error(
      'CI=true but PM_POSTGRES_URL is not set: .ci/run must start a PostgreSQL server (scripts/postgres/start-throwaway-cluster.sh) before the tests.',
    );
  }
  console.info(
    `${file}: skipped, no PostgreSQL server. Set PM_POSTGRES_URL (e.g. eval "$(scripts/postgres/start-throwaway-cluster.sh)").`,
  );
  return '';
}
