import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventStoreLockedError } from '../event-store.port';
import { aStreamId, anEvent, eventually, rejectionOf } from '../testing/event-fixtures';
import { LOCK_FILE_NAME } from './directory-lock';
import { EmbeddedEventStore } from './embedded-event-store';
import { exited, readLines, startScript, startScriptUnderIdleParent } from './testing/child-process';
import { aTempDirectory } from './testing/temp-directory';

interface OpenOutcome {
  opened: boolean;
  name?: string;
  message?: string;
}

/** The first line of the lock file: the holder's pid. */
async function lockHolderPid(path: string): Promise<number> {
  return Number.parseInt((await readFile(path, 'utf8')).split('\n')[0], 10);
}

/** The process state letter of /proc/<pid>/stat (Z: a zombie), or null when there is no such process. */
function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return null;
  }
}

/** The start time (field 22 of /proc/<pid>/stat) of a process. */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3];
}

const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'latin1').trim();

/** The pid of a process that has exited (and so is not alive). */
function aDeadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

/**
 * Runs `body` while `child` (open-store.script.ts, told to hold) holds the store open, given what it printed once
 * it had opened it; then kills it (SIGKILL), whatever `body` did, and waits until it has exited.
 */
async function whileHeldBy(
  child: ChildProcessWithoutNullStreams,
  body: (opened: { opened: boolean; pid: number }) => Promise<void>,
): Promise<void> {
  const { lines } = readLines(child);
  const exit = exited(child);
  try {
    await eventually('the holder to open the store', () => lines.length > 0, 20_000);
    await body(JSON.parse(lines[0]) as { opened: boolean; pid: number });
  } finally {
    child.kill('SIGKILL');
    await exit;
  }
}

describe('one process at a time in a store directory', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let lockPath: string;

  beforeEach(async () => {
    directory = await aTempDirectory();
    lockPath = join(directory.path, LOCK_FILE_NAME);
  });

  afterEach(async () => {
    await directory.remove();
  });

  it('refuses a second open in the same process, naming the directory and the pid', async () => {
    const store = await EmbeddedEventStore.open(directory.path);
    try {
      const error = await rejectionOf(EmbeddedEventStore.open(directory.path));
      expect(error).toBeInstanceOf(EventStoreLockedError);
      expect(error.message).toContain(directory.path);
      expect(error.message).toContain(`pid ${process.pid}`);
      await store.append(aStreamId(), [anEvent('still usable')], 'no_stream');
    } finally {
      await store.close();
    }
  });

  it('refuses another process while this one holds the directory', async () => {
    const store = await EmbeddedEventStore.open(directory.path);
    try {
      const child = startScript('open-store.script.ts', [directory.path, 'try']);
      const { lines, stderr } = readLines(child);
      await exited(child);
      expect(stderr()).toBe('');
      const outcome = JSON.parse(lines[0]) as OpenOutcome;
      expect(outcome).toMatchObject({ opened: false, name: 'EventStoreLockedError' });
      expect(outcome.message).toContain(`process ${process.pid}`);
    } finally {
      await store.close();
    }
  });

  it('is refused while another process holds the directory, and takes over once it is killed', async () => {
    const child = startScript('open-store.script.ts', [directory.path, 'hold']);
    await whileHeldBy(child, async (opened) => {
      expect(opened).toMatchObject({ opened: true });
      const error = await rejectionOf(EmbeddedEventStore.open(directory.path));
      expect(error).toBeInstanceOf(EventStoreLockedError);
      expect(error.message).toContain(`process ${child.pid}`);
    });
    expect(await lockHolderPid(lockPath)).toBe(child.pid);
    const store = await EmbeddedEventStore.open(directory.path);
    expect(await lockHolderPid(lockPath)).toBe(process.pid);
    await store.close();
  });

  it('takes over a lock file left by a process that is gone', async () => {
    await writeFile(lockPath, `${aDeadPid()}\n`);
    const store = await EmbeddedEventStore.open(directory.path);
    expect(await lockHolderPid(lockPath)).toBe(process.pid);
    await store.close();
    await expect(readFile(lockPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("takes over a lock file with this process's pid that this process does not hold (a restarted container)", async () => {
    await writeFile(lockPath, `${process.pid}\n`);
    const store = await EmbeddedEventStore.open(directory.path);
    await expect(EmbeddedEventStore.open(directory.path)).rejects.toBeInstanceOf(EventStoreLockedError);
    await store.close();
  });

  it('refuses a second open through another path to the same directory (a symbolic link)', async () => {
    const alias = join(directory.path, 'alias');
    await symlink(directory.path, alias);
    const store = await EmbeddedEventStore.open(directory.path);
    try {
      await expect(EmbeddedEventStore.open(alias)).rejects.toBeInstanceOf(EventStoreLockedError);
    } finally {
      await store.close();
    }
  });

  it('takes over an empty lock file (a holder that died before writing its pid)', async () => {
    await writeFile(lockPath, '');
    const store = await EmbeddedEventStore.open(directory.path);
    await store.close();
  });

  describe('after kill -9 (on Linux, the process told apart by /proc)', () => {
    it('names the holder by pid, start time and boot in the lock file', async () => {
      const store = await EmbeddedEventStore.open(directory.path);
      try {
        expect(await readFile(lockPath, 'utf8')).toBe(
          `${process.pid}\nstart ${startTimeOf(process.pid)}\nboot ${bootId()}\n`,
        );
      } finally {
        await store.close();
      }
    });

    it('opens at once after the holder is killed, while the killed holder lingers as a zombie', async () => {
      const parent = startScriptUnderIdleParent('open-store.script.ts', [directory.path, 'hold']);
      await whileHeldBy(parent, async ({ pid }) => {
        await expect(EmbeddedEventStore.open(directory.path)).rejects.toBeInstanceOf(EventStoreLockedError);

        process.kill(pid, 'SIGKILL');
        const store = await EmbeddedEventStore.open(directory.path);
        try {
          expect(await lockHolderPid(lockPath)).toBe(process.pid);
          await store.append(aStreamId(), [anEvent('after the kill')], 'no_stream');
          // What made the old lock refuse this: the killed holder still "exists" for kill(pid, 0).
          await eventually('the killed holder to be a zombie', () => procState(pid) === 'Z');
          expect(() => process.kill(pid, 0)).not.toThrow();
        } finally {
          await store.close();
        }
      });
    });

    it('opens in a new process started right after the kill, with no pause', async () => {
      const parent = startScriptUnderIdleParent('open-store.script.ts', [directory.path, 'hold']);
      await whileHeldBy(parent, async ({ pid }) => {
        process.kill(pid, 'SIGKILL');
        const restart = startScript('open-store.script.ts', [directory.path, 'try']);
        const { lines, stderr } = readLines(restart);
        await exited(restart);
        expect(stderr()).toBe('');
        expect(JSON.parse(lines[0])).toMatchObject({ opened: true, pid: restart.pid });
        expect(procState(pid)).toBe('Z');
      });
    });

    it('takes over a lock whose pid now belongs to another process (a recycled pid)', async () => {
      const other = spawn('sleep', ['30']);
      try {
        const pid = other.pid as number;
        await writeFile(lockPath, `${pid}\nstart 1\nboot ${bootId()}\n`);
        const store = await EmbeddedEventStore.open(directory.path);
        expect(await lockHolderPid(lockPath)).toBe(process.pid);
        await store.close();

        await writeFile(lockPath, `${pid}\nstart ${startTimeOf(pid)}\nboot ${bootId()}\n`);
        const error = await rejectionOf(EmbeddedEventStore.open(directory.path));
        expect(error).toBeInstanceOf(EventStoreLockedError);
        expect(error.message).toContain(`process ${pid} holds it`);
      } finally {
        other.kill('SIGKILL');
      }
    });

    it('takes over a lock written before the machine restarted (another boot)', async () => {
      const other = spawn('sleep', ['30']);
      try {
        const pid = other.pid as number;
        await writeFile(lockPath, `${pid}\nstart ${startTimeOf(pid)}\nboot another-boot\n`);
        const store = await EmbeddedEventStore.open(directory.path);
        await store.close();
      } finally {
        other.kill('SIGKILL');
      }
    });

    it('still refuses a lock file of the older form (a pid alone) whose process runs', async () => {
      const other = spawn('sleep', ['30']);
      try {
        await writeFile(lockPath, `${other.pid}\n`);
        await expect(EmbeddedEventStore.open(directory.path)).rejects.toBeInstanceOf(EventStoreLockedError);
      } finally {
        other.kill('SIGKILL');
      }
    });
  });
});
