/**
 * A PostgreSQL cluster of the fault suite's own (scripts/postgres/start-throwaway-cluster.sh),
 * so that restarting, stopping and terminating its server cannot disturb the suites
 * that share the CI server in parallel. Commits wait for their WAL (synchronous_commit
 * on), as a real server's do: an immediate shutdown must not lose an acknowledged one.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SqlClient } from '../../../../../src/orion/postgres/index.ts';

const run = promisify(execFile);
const SCRIPTS = fileURLToPath(new URL('../../../../../scripts/postgres/', import.meta.url));

export interface OwnCluster {
  url: string;
  /** Restarts the server (`fast`: clients told to go; `immediate`: killed, crash recovery). */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Ends every backend of application `name` (pg_terminate_backend); returns how many. */
  terminateBackends(admin: SqlClient, name: string): Promise<number>;
  destroy(): Promise<void>;
}

/** Starts the cluster (initdb and a server, a few seconds). */
export async function startOwnCluster(): Promise<OwnCluster> {
  const { stdout } = await run('bash', [`${SCRIPTS}start-throwaway-cluster.sh`]);
  const assignments = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  const url = assignments['PM_POSTGRES_URL']!;
  const dir = assignments['PM_POSTGRES_DIR']!;
  const bindir =
    process.env['PM_POSTGRES_BIN'] ??
    (
      await run('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'])
    ).stdout.trim();
  const asOwner = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const pgCtl = (...args: string[]) => {
    const command = [...asOwner, `${bindir}/pg_ctl`, '-D', `${dir}/data`, ...args];
    return run(command[0]!, command.slice(1));
  };
  const options = readFileSync(`${dir}/postgres.opts`, 'utf8').trim();
  const start = async () => {
    await pgCtl('-l', `${dir}/server.log`, '-w', '-t', '60', '-o', options, 'start');
  };
  const cluster: OwnCluster = {
    url,
    restart: async (mode) => {
      // With its log file: a server started on pg_ctl's output would hold it open.
      await pgCtl('-l', `${dir}/server.log`, '-m', mode, '-w', '-t', '60', 'restart');
    },
    stop: async () => {
      await pgCtl('-m', 'fast', '-w', '-t', '60', 'stop');
    },
    start,
    terminateBackends: async (admin, name) => {
      const rows = await admin.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1`,
        [name],
      );
      return rows.filter((row) => row.ended).length;
    },
    destroy: async () => {
      await run('bash', [`${SCRIPTS}stop-throwaway-cluster.sh`, dir]);
    },
  };
  return cluster;
}
