import { randomUUID } from 'node:crypto';
import { link, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStoreLockedError } from '../event-store.port';

export const LOCK_FILE_NAME = 'LOCK';
const ATTEMPTS = 5;

/**
 * The lock files this process holds. A lock file with this process's pid that is not in here was left by an
 * earlier process that had the same pid: in a container, the service gets the same pid at every restart.
 */
const heldByThisProcess = new Set<string>();

/**
 * One process at a time in a store directory: a lock file created exclusively, holding the holder's pid.
 * A lock file whose process is gone (killed with SIGKILL, or the machine restarted) is stale and taken over.
 * The directory must exist.
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
      if (holder !== null && isHeld(path, holder)) throw lockedError(directory, path, holder);
      await setAsideStaleLock(path, holder);
    }
    throw new EventStoreLockedError(
      `Could not lock the event store directory ${directory}: its lock file ${path} keeps changing hands.`,
    );
  }

  /** Removes the lock file, if it is still ours. */
  async release(): Promise<void> {
    heldByThisProcess.delete(this.path);
    if ((await readPid(this.path)) === process.pid) await unlinkIfPresent(this.path);
  }
}

function isHeld(path: string, pid: number): boolean {
  return pid === process.pid ? heldByThisProcess.has(path) : isAlive(pid);
}

async function createExclusively(path: string): Promise<boolean> {
  try {
    await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * The pid in the lock file; null if the file is gone or holds no pid. A holder writes its pid just after
 * creating the file, so an empty file is read again a moment later before being called stale.
 */
async function readHolder(path: string): Promise<number | null> {
  const pid = await readPid(path);
  if (pid !== null) return pid;
  await sleep(50);
  return readPid(path);
}

async function readPid(path: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
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
async function setAsideStaleLock(path: string, stalePid: number | null): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readPid(aside);
  if (moved !== stalePid && moved !== null && isHeld(path, moved)) {
    await link(aside, path).catch(() => undefined);
  }
  await unlinkIfPresent(aside);
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
