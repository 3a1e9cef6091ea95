/**
 * `lockDataDir`: one process per PGlite folder. PGlite runs PostgreSQL inside the
 * process with no postmaster of its own to refuse a second opener, and two processes
 * writing one folder corrupt it. The lock is a file in the folder,
 * `policy-matrix.lock`, naming its holder: host, pid, and (on Linux) the boot and the
 * process's start time, so that a pid reused by an unrelated process after the holder
 * died is not mistaken for the holder.
 *
 * Why a file with an owner check rather than a lock that dies with its process: Node
 * offers no `flock`/`fcntl` lock, and a socket or port vanishes with the process but
 * is not tied to the folder. So a lock left by a killed process is detected (its holder
 * is not alive, or is another process under a reused pid) and taken over. Creating and
 * taking over are atomic: the lock file appears complete by `link` (which fails when it
 * exists), and a takeover first takes a second lock file (`policy-matrix.lock.takeover`)
 * and checks that the stale lock is still the one it judged stale before removing it,
 * so two processes taking over the same stale lock cannot both win.
 * Without `/proc` (macOS) only the pid is checked: a reused pid makes a stale lock look
 * held, which refuses rather than corrupts (delete the file once sure nothing uses it).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError } from './store-errors.ts';

export const DATA_DIR_LOCK_FILE = 'policy-matrix.lock';

/** Who holds a lock. */
interface Holder {
  host: string;
  pid: number;
  /** Linux: the boot id and the process's start time in clock ticks since boot. */
  boot: string | null;
  start: string | null;
}

export interface DataDirLock {
  /** Removes the lock file, when it is still this lock's. Idempotent. */
  release(): void;
}

/**
 * Takes the lock of `dataDir` (creating the folder when missing). Throws
 * `DataDirLockedError` naming the holder when another live process (or this one,
 * through another open) holds it; takes over a lock whose holder is gone.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATA_DIR_LOCK_FILE);
  const me = currentHolder();
  const content = `${JSON.stringify(me)}\n`;
  const draft = `${path}.${process.pid}.${randomUUID()}`;
  writeFileSync(draft, content);
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (tryLink(draft, path)) return heldLock(path, content);
      const seen = readHolder(path);
      if (seen === undefined) continue; // released in between: try again
      if (seen.holder !== null && isAlive(seen.holder)) {
        const who = seen.holder.pid === process.pid ? 'this process' : 'process';
        throw new DataDirLockedError(
          `The PGlite folder ${dataDir} is in use by ${who} ${seen.holder.pid}${seen.holder.host === me.host ? '' : ` on ${seen.holder.host}`}: one folder serves one process at a time (two corrupt it). Close the store there first, or use another folder.`,
          dataDir,
          seen.holder.pid,
        );
      }
      takeOver(path, seen.text, draft);
    }
    throw new Error(`Could not take the lock ${path}: it kept changing hands.`);
  } finally {
    removeQuietly(draft);
  }
}

function heldLock(path: string, content: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readHolder(path)?.text === content) removeQuietly(path);
  };
  // A process that exits without closing leaves no lock behind (a killed one does:
  // that is the stale lock the next opener takes over).
  process.on('exit', release);
  return { release };
}

/** Removes the stale lock whose text is `staleText`, unless it changed meanwhile. */
function takeOver(path: string, staleText: string, draft: string): void {
  const guard = `${path}.takeover`;
  if (!tryLink(draft, guard)) {
    // Another process is taking over; if it died doing so, clear its guard.
    const other = readHolder(guard);
    if (other !== undefined && (other.holder === null || !isAlive(other.holder))) {
      removeQuietly(guard);
    } else {
      sleepSync(10);
    }
    return;
  }
  try {
    if (readHolder(path)?.text === staleText) removeQuietly(path);
  } finally {
    removeQuietly(guard);
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock's text and holder (null when unreadable), or undefined when there is no lock. */
function readHolder(path: string): { text: string; holder: Holder | null } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) ? { text, holder } : { text, holder: null };
  } catch {
    return { text, holder: null }; // not ours or damaged: nobody can prove they hold it
  }
}

function currentHolder(): Holder {
  return { host: hostname(), pid: process.pid, boot: bootId(), start: startTime(process.pid) };
}

/** Whether the process that wrote `holder` still runs. */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // cannot tell: refuse rather than corrupt
  if (holder.pid === process.pid) return holder.start === startTime(process.pid);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: a process with that pid exists (another user's)
  }
  if (holder.boot === null || holder.start === null) return true;
  // The same pid after a reboot, or a new process that reused the pid, is not the holder.
  return holder.boot === bootId() && holder.start === startTime(holder.pid);
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces). */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return existsSync('/proc/self/stat') ? 'gone' : null;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
