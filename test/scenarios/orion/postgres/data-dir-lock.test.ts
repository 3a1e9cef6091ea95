/**
 * One process per PGlite folder: the lock file refuses a live holder (naming it) and
 * takes over one left by a process that is gone, or by a pid since reused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_FILE, lockDataDir } from '../../../../src/orion/postgres/data-dir-lock.ts';
import { DataDirLockedError } from '../../../../src/orion/postgres/index.ts';

const root = mkdtempSync(join(tmpdir(), 'pm-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const folder = () => join(root, `db-${++folders}`);
/** The lock file's fields the tests read. */
const readLock = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { pid: unknown };

/** A pid that no process has: one that ran and exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  }).stdout as unknown as number;
}

describe(lockDataDir.name, () => {
  it('creates the folder and a lock file naming this process, removed on release', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    const path = join(dir, DATA_DIR_LOCK_FILE);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    lock.release();
    expect(existsSync(path)).toBe(false);
    lock.release(); // idempotent
  });

  it('refuses a second opener while the holder lives, naming it', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`in use by this process ${process.pid}`);
    } finally {
      lock.release();
    }
    lockDataDir(dir).release(); // free again
  });

  it('takes over a lock whose process is gone', () => {
    const dir = folder();
    lockDataDir(dir).release();
    const pid = Number(deadPid());
    writeFileSync(
      join(dir, DATA_DIR_LOCK_FILE),
      JSON.stringify({ host: hostname(), pid, boot: null, start: null }),
    );
    const lock = lockDataDir(dir);
    expect(readLock(join(dir, DATA_DIR_LOCK_FILE)).pid).toBe(process.pid);
    lock.release();
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'takes over a lock whose pid now belongs to another process (a different start time)',
    () => {
      const dir = folder();
      const lock = lockDataDir(dir);
      const path = join(dir, DATA_DIR_LOCK_FILE);
      const mine = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      lock.release();
      // The parent process is alive, but it is not the process that wrote this lock: the
      // lock records a start time other than the parent's (the parent may have started in
      // the same clock tick as this process, so this process's own start time will not do).
      const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
      const parentStart = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
      writeFileSync(
        path,
        JSON.stringify({ ...mine, pid: process.ppid, start: String(parentStart + 1) }),
      );
      const again = lockDataDir(dir);
      expect(readLock(path).pid).toBe(process.pid);
      again.release();
    },
  );

  it('treats an unreadable lock file as stale', () => {
    const dir = folder();
    lockDataDir(dir).release();
    writeFileSync(join(dir, DATA_DIR_LOCK_FILE), 'not json');
    lockDataDir(dir).release();
  });
});
