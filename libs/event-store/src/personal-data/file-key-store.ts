import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyStore } from './key-store.port';

const FILE = 'keys.log';
const KEY_BYTES = 32;

/**
 * The embedded key store: one file in DATA_DIR/keys, a line a key (`+<subject> <base64 key>`) or a destroyed
 * subject (`-<subject>`), every key in memory. New keys are appended and synced in groups (concurrent callers
 * share one write and one fsync). Destroying rewrites the file without the destroyed keys (a new file, synced,
 * renamed over the old, the directory synced): the key's bytes do not survive in it. Subjects are stream ids of
 * random ids: they name no one.
 *
 * `readOnly` opens it beside the running service (ops reading the log): it never writes, and reads the file again
 * when asked for a key it does not hold (the service may have created it since).
 */
export class FileKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly destroyed = new Set<string>();
  /** Keys created here whose line is not synced yet. */
  private readonly notDurable = new Set<string>();
  /** Subjects waiting for the next write, and its completion. */
  private waiting: string[] | null = null;
  private waitingWritten: Promise<void> | null = null;
  /** The last write queued: writes and rewrites run one at a time, in order. */
  private tail: Promise<void> = Promise.resolve();
  /** Bytes of the file when last read (read only: to notice it grew); whether it exists (to sync its directory once). */
  private loadedSize = -1;
  private fileExists = false;

  private constructor(
    private readonly directory: string,
    private readonly readOnly: boolean,
  ) {}

  static async open(directory: string, options: { readOnly?: boolean } = {}): Promise<FileKeyStore> {
    const store = new FileKeyStore(directory, options.readOnly ?? false);
    if (!store.readOnly) await mkdir(directory, { recursive: true });
    await store.load();
    return store;
  }

  private get path(): string {
    return join(this.directory, FILE);
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    this.loadedSize = Buffer.byteLength(text);
    this.fileExists = true;
    for (const line of text.split('\n')) {
      if (line.startsWith('-')) {
        const subject = line.slice(1);
        this.destroyed.add(subject);
        this.keys.delete(subject);
      } else if (line.startsWith('+')) {
        const space = line.indexOf(' ');
        const subject = line.slice(1, space);
        // A torn last line (a crash mid-write, before its sync acknowledged anything) is not a key.
        const key = Buffer.from(line.slice(space + 1), 'base64');
        if (space > 1 && key.length === KEY_BYTES && !this.destroyed.has(subject))
          this.keys.set(subject, key);
      }
    }
  }

  async keysFor(subjects: readonly string[]): Promise<Map<string, Buffer | null>> {
    const found = new Map<string, Buffer | null>();
    const created: string[] = [];
    let waitForSync = false;
    for (const subject of subjects) {
      if (found.has(subject)) continue;
      if (this.destroyed.has(subject)) {
        found.set(subject, null);
        continue;
      }
      let key = this.keys.get(subject);
      if (key === undefined) {
        if (this.readOnly) throw new Error('The key store is open for reading only');
        key = randomBytes(KEY_BYTES);
        this.keys.set(subject, key);
        this.notDurable.add(subject);
        created.push(subject);
      } else if (this.notDurable.has(subject)) {
        waitForSync = true;
      }
      found.set(subject, key);
    }
    if (created.length > 0) await this.append(created);
    else if (waitForSync) await this.tail;
    return found;
  }

  async find(subject: string): Promise<Buffer | null> {
    const key = this.keys.get(subject);
    if (key !== undefined) return key;
    if (this.readOnly && !this.destroyed.has(subject) && (await this.grew())) return this.find(subject);
    return null;
  }

  cached(subject: string): Buffer | null | undefined {
    const key = this.keys.get(subject);
    if (key !== undefined) return key;
    // Read only, a key not held may have been created since: look it up.
    return this.readOnly && !this.destroyed.has(subject) ? undefined : null;
  }

  async destroy(subjects: readonly string[]): Promise<void> {
    if (this.readOnly) throw new Error('The key store is open for reading only');
    const fresh = subjects.filter((subject) => !this.destroyed.has(subject));
    if (fresh.length === 0) return this.tail;
    for (const subject of fresh) {
      this.keys.delete(subject);
      this.notDurable.delete(subject);
      this.destroyed.add(subject);
    }
    const rewritten = this.tail.then(() => this.rewrite());
    this.tail = rewritten.catch(() => undefined);
    return rewritten;
  }

  forget(subject: string): void {
    // The file here is the source of truth for this process: a destroyed key is gone from it already, or (read
    // only) will be found gone when the file is read again.
    if (this.readOnly) this.keys.delete(subject);
  }

  async close(): Promise<void> {
    await this.tail;
  }

  /** Queues subjects' keys for the next write; concurrent callers share it. */
  private append(subjects: string[]): Promise<void> {
    if (this.waiting !== null && this.waitingWritten !== null) {
      this.waiting.push(...subjects);
      return this.waitingWritten;
    }
    const batch = [...subjects];
    this.waiting = batch;
    const written = this.tail.then(async () => {
      this.waiting = null;
      this.waitingWritten = null;
      // Lines are made when written: a key destroyed while it waited is never written.
      const live = batch.filter((subject) => this.keys.has(subject));
      try {
        await this.writeSynced(live.map((subject) => this.line(subject)).join(''), 'a');
      } catch (error) {
        // Not durable, so never used: the next ask makes new keys (nothing was appended under these).
        for (const subject of batch) if (this.notDurable.has(subject)) this.keys.delete(subject);
        throw error;
      } finally {
        for (const subject of batch) this.notDurable.delete(subject);
      }
    });
    this.waitingWritten = written;
    this.tail = written.catch(() => undefined);
    return written;
  }

  /** The whole file again, without destroyed keys: a new file synced, renamed over the old, the directory synced. */
  private async rewrite(): Promise<void> {
    const lines: string[] = [];
    for (const subject of this.keys.keys()) lines.push(this.line(subject));
    for (const subject of this.destroyed) lines.push(`-${subject}\n`);
    const next = `${this.path}.next`;
    await this.writeSynced(lines.join(''), 'w', next);
    await rename(next, this.path);
    await syncDirectory(this.directory);
  }

  private line(subject: string): string {
    return `+${subject} ${(this.keys.get(subject) as Buffer).toString('base64')}\n`;
  }

  private async writeSynced(text: string, flags: 'a' | 'w', path = this.path): Promise<void> {
    if (text === '' && flags === 'a') return;
    const file = await open(path, flags, 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    if (!this.fileExists && path === this.path) {
      // A new file's entry in its directory is durable once the directory is synced.
      await syncDirectory(this.directory);
      this.fileExists = true;
    }
  }

  /** Read only: whether the file changed since it was read, reading it again if so. */
  private async grew(): Promise<boolean> {
    const size = await stat(this.path).then(
      (stats) => stats.size,
      () => -1,
    );
    if (size === this.loadedSize) return false;
    this.keys.clear();
    this.destroyed.clear();
    await this.load();
    return true;
  }
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } finally {
    await handle?.close();
  }
}
