import { randomUUID } from 'node:crypto';
import { link, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStoreLockedError } from '../event-store.port';
import { livenessOf, thisProcess, type ProcessIdentity } from './process-identity';

export const LOCK_FILE_NAME = 'LOCK';
const ATTEMPTS = 5;

/**
 * The lock files this process holds. A lock file with this process's pid that is not in here was left by an
 * earlier process that had the same pid: in a container, the service gets the same pid at every restart.
 */
const heldByThisProcess = new Set<string>();

/**
 * One process at a time in a store directory: a lock file created exclusively, naming its holder (pid, and
 * on Linux its start time and the boot's id; see {@link ProcessIdentity}). A lock file whose process is gone
 * is stale and taken over: killed with SIGKILL (even while it lingers as a zombie its parent has not yet
 * collected, or has a SIGKILL pending), exited, its pid since given to another process, or the machine
 * restarted. So a supervisor may restart the service the moment it was killed. The directory must exist.
 */
export class DirectoryLock {
  private constructor(readonly path: string) {}

  static async acquire(directory: string): Promise<DirectoryLock> {
    const path = join(await realpath(directory), LOCK_FILE_NAME);
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      if (await createExclusively(path)) {
        heldByThisProcess.add(path);
        return new DirectoryLock(path);
      }
      const holder = await readHolder(path);
      if (holder !== null && isHeld(path, holder)) throw lockedError(directory, path, holder.pid);
      await setAsideStaleLock(path, holder);
    }
    throw new EventStoreLockedError(
      `Could not lock the event store directory ${directory}: its lock file ${path} keeps changing hands.`,
    );
  }

  /**
   * The process that holds the lock of `directory` now, or null if none does (no lock file, or a stale one).
   * Changes nothing: for commands that only read a stopped store and must not run beside its writer.
   */
  static async holder(directory: string): Promise<number | null> {
    const path = join(await realpath(directory), LOCK_FILE_NAME);
    const holder = await readHolder(path);
    return holder !== null && isHeld(path, holder) ? holder.pid : null;
  }

  /** Removes the lock file, if it is still ours. */
  async release(): Promise<void> {
    heldByThisProcess.delete(this.path);
    if ((await readIdentity(this.path))?.pid === process.pid) await unlinkIfPresent(this.path);
  }
}

function isHeld(path: string, holder: ProcessIdentity): boolean {
  if (holder.pid === process.pid) return heldByThisProcess.has(path);
  const liveness = livenessOf(holder);
  return liveness === 'unknown' ? isAlive(holder.pid) : liveness === 'running';
}

/** The lock file's text: the pid on the first line (as older versions wrote it), then what tells it apart. */
function lockFileText(identity: ProcessIdentity): string {
  const lines = [String(identity.pid)];
  if (identity.startTime !== undefined) lines.push(`start ${identity.startTime}`);
  if (identity.bootId !== undefined) lines.push(`boot ${identity.bootId}`);
  return `${lines.join('\n')}\n`;
}

async function createExclusively(path: string): Promise<boolean> {
  try {
    await writeFile(path, lockFileText(thisProcess()), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * The holder the lock file names; null if the file is gone or names no pid. A holder writes its identity just
 * after creating the file, so an empty file is read again a moment later before being called stale.
 */
async function readHolder(path: string): Promise<ProcessIdentity | null> {
  const holder = await readIdentity(path);
  if (holder !== null) return holder;
  await sleep(50);
  return readIdentity(path);
}

async function readIdentity(path: string): Promise<ProcessIdentity | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const [first, ...rest] = text.split('\n');
  const pid = Number.parseInt(first, 10);
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  const identity: ProcessIdentity = { pid };
  for (const line of rest) {
    const [key, value] = line.trim().split(/\s+/, 2);
    if (key === 'start' && value) identity.startTime = value;
    if (key === 'boot' && value) identity.bootId = value;
  }
  return identity;
}

/** Signal 0 only checks that the process exists; EPERM means it exists but belongs to another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a stale lock file aside (rename is atomic: of two processes taking over, one moves it). If what was
 * moved is not the stale lock any more (another process took over in between), it is put back.
 */
async function setAsideStaleLock(path: string, stale: ProcessIdentity | null): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readIdentity(aside);
  if (moved !== null && !sameHolder(moved, stale) && isHeld(path, moved)) {
    await link(aside, path).catch(() => undefined);
  }
  await unlinkIfPresent(aside);
}

function sameHolder(a: ProcessIdentity, b: ProcessIdentity | null): boolean {
  return b !== null && a.pid === b.pid && a.startTime === b.startTime && a.bootId === b.bootId;
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function lockedError(directory: string, path: string, pid: number): EventStoreLockedError {
  const who =
    pid === process.pid ? `this process (pid ${pid}) already has it open` : `process ${pid} holds it`;
  return new EventStoreLockedError(
    `The event store directory ${directory} is in use: ${who} (lock file ${path}). Only one process may open ` +
      `it at a time. If no process with that pid uses the directory, delete the lock file.`,
  );
}
