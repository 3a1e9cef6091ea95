/**
 * The machine a bench run measured: Node and V8 versions, CPU model and count, the load
 * (`uptime`) before and after the run, and the commit measured. Figures from a loaded
 * shared machine are only comparable with each other, so the load is printed with them.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Environment {
  node: string;
  v8: string;
  cpu: string;
  cores: number;
  platform: string;
  /** `uptime` output when the run started and when it ended. */
  loadBefore: string;
  loadAfter: string;
  /** The commit measured, with `-dirty` when the work tree had changes. */
  commit: string;
  /** ISO date-time of the start of the run. */
  startedAt: string;
}

/** Everything but `loadAfter`, which `finishEnvironment` fills in. */
export function captureEnvironment(root: string): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadBefore: uptime(),
    loadAfter: '',
    commit: gitCommit(root),
    startedAt: new Date().toISOString(),
  };
}

/** `environment` with the load at the end of the run. */
export function finishEnvironment(environment: Environment): Environment {
  return { ...environment, loadAfter: uptime() };
}

function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/\s+/g, ' ');
  } catch {
    const [one, five, fifteen] = os.loadavg().map((l) => l.toFixed(2));
    return `load average: ${one}, ${five}, ${fifteen}`;
  }
}

function gitCommit(root: string): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash}-dirty` : hash;
  } catch {
    return 'unknown';
  }
}
