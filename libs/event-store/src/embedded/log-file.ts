import { constants, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The log file's I/O: positional reads, and durable appends (one write, then fdatasync: the data and the new
 * file size are on disk when it resolves). fdatasync is enough: it flushes the metadata needed to read the
 * data back, which includes the size.
 */
export class LogFile {
  /** Number of fdatasync calls made, for observing group commit. */
  syncCount = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** Opens the log, creating it (and making its directory entry durable) if it does not exist. */
  static async open(path: string): Promise<LogFile> {
    try {
      return new LogFile(path, await open(path, 'r+'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL);
    await syncDirectory(dirname(path));
    return new LogFile(path, handle);
  }

  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }

  /** Writes `bytes` at `offset` and waits until they are on disk. */
  async writeDurably(bytes: Buffer, offset: number): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(
        bytes,
        written,
        bytes.length - written,
        offset + written,
      );
      written += bytesWritten;
    }
    await this.sync();
  }

  /** Reads exactly `length` bytes at `offset` into `into` (from its start); fails if the file is shorter. */
  async readExactly(into: Buffer, offset: number, length: number): Promise<void> {
    let read = 0;
    while (read < length) {
      const { bytesRead } = await this.handle.read(into, read, length - read, offset + read);
      if (bytesRead === 0) throw new Error(`Unexpected end of ${this.path} at byte ${offset + read}`);
      read += bytesRead;
    }
  }

  /**
   * The same, without leaving the thread: for a few KB (a stream's events), nearly always in the page cache, an
   * asynchronous read costs more of the event loop (its promise, the round trip through the thread pool) than the
   * read itself, by ten times or more.
   */
  readExactlyNow(into: Buffer, offset: number, length: number): void {
    const read = readNow(this.handle.fd, into, offset, length);
    if (read < length) throw new Error(`Unexpected end of ${this.path} at byte ${offset + read}`);
  }

  /** Cuts the file at `length` (a torn tail) and makes that durable. */
  async truncateDurably(length: number): Promise<void> {
    await this.handle.truncate(length);
    await this.sync();
  }

  /** Closes after any pending read or write on the handle completes. */
  async close(): Promise<void> {
    await this.handle.close();
  }

  private async sync(): Promise<void> {
    this.syncCount += 1;
    await this.handle.datasync();
  }
}

/**
 * Reads up to `length` bytes at `offset` of the file `fd` into `into` (from its start) without leaving the thread:
 * how many there were, fewer only at the file's end.
 */
export function readNow(fd: number, into: Buffer, offset: number, length: number): number {
  let read = 0;
  while (read < length) {
    const bytesRead = readSync(fd, into, read, length - read, offset + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return read;
}

/** Makes a new directory entry durable (a created file survives a crash only once its directory is synced). */
export async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
