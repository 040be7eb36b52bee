import { spawnSync } from 'node:child_process';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventStoreLockedError } from '../event-store.port';
import { aStreamId, anEvent, eventually, rejectionOf } from '../testing/event-fixtures';
import { LOCK_FILE_NAME } from './directory-lock';
import { EmbeddedEventStore } from './embedded-event-store';
import { exited, readLines, startScript } from './testing/child-process';
import { aTempDirectory } from './testing/temp-directory';

interface OpenOutcome {
  opened: boolean;
  name?: string;
  message?: string;
}

/** The pid of a process that has exited (and so is not alive). */
function aDeadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
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
    const { lines } = readLines(child);
    const exit = exited(child);
    try {
      await eventually('the child to open the store', () => lines.length > 0, 20_000);
      expect(JSON.parse(lines[0])).toMatchObject({ opened: true });
      const error = await rejectionOf(EmbeddedEventStore.open(directory.path));
      expect(error).toBeInstanceOf(EventStoreLockedError);
      expect(error.message).toContain(`process ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
      await exit;
    }
    expect(await readFile(lockPath, 'utf8')).toBe(`${child.pid}\n`);
    const store = await EmbeddedEventStore.open(directory.path);
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
    await store.close();
  });

  it('takes over a lock file left by a process that is gone', async () => {
    await writeFile(lockPath, `${aDeadPid()}\n`);
    const store = await EmbeddedEventStore.open(directory.path);
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
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
});
