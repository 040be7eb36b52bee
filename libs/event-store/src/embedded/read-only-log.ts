import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EventStoreCorruptionError,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '../event-store.port';
import { LOG_FILE_NAME } from './embedded-event-store';
import { FileWindow } from './file-window';
import { readNow, type LogFile } from './log-file';
import { LogIndex } from './log-index';
import { LogReader } from './log-reader';
import { readScannedRecord, type ScannedRecord } from './log-recovery';
import { recordBatchIndex, recordBatchSize, recordPosition } from './record-format';

/** The read side of the event-store port: what reading commands (history, replay, export) need. */
export type EventLogReader = Pick<
  EventStore,
  'readStream' | 'readAll' | 'headPosition' | 'streamRevision' | 'close'
>;

export interface ReadOnlyLogOptions {
  /** Bytes fetched per read (default 1 MiB). */
  readChunkBytes?: number;
  /** Events per page when reading a stream (default 512). */
  streamPageSize?: number;
}

/** The log file shrank under the reader: the store was reopened and cut a torn tail the reader had not seen. */
export class LogChangedError extends Error {
  override readonly name = 'LogChangedError';
}

/**
 * The embedded log, opened read-only beside the process that writes it: without the directory's lock, on a
 * read-only file handle, never repairing anything. For reading commands (replay, export) while the service runs.
 *
 * The writer may be appending while this reads, so the end of the file can hold a write in progress. Each read
 * first takes in what was committed since the last one, and stops at the first record that is incomplete or
 * fails its check, or at a write batch not yet whole: those bytes are left for a later look (or for the
 * writer's own recovery, if it was torn). Every record is checked against its checksum again when read.
 */
export class ReadOnlyLog implements EventLogReader {
  private readonly reader: LogReader;
  private readonly index = new LogIndex();
  private looks: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly file: ReadOnlyLogFile,
    private readonly options: Required<ReadOnlyLogOptions>,
  ) {
    this.reader = new LogReader(asLogFile(file), this.index, options.readChunkBytes);
  }

  /** Opens the log of the embedded store in `directory` (DATA_DIR/events); fails if there is none. */
  static async open(directory: string, options: ReadOnlyLogOptions = {}): Promise<ReadOnlyLog> {
    const file = await ReadOnlyLogFile.open(join(directory, LOG_FILE_NAME));
    const log = new ReadOnlyLog(file, { readChunkBytes: 1024 * 1024, streamPageSize: 512, ...options });
    try {
      await log.refresh();
    } catch (error) {
      await file.close();
      throw error;
    }
    return log;
  }

  /**
   * Takes in the write batches committed since the last look. Called by every read; call it yourself to see
   * appends made while a long read was going on. Looks happen one after the other (each starts where the last
   * whole batch ended).
   */
  refresh(): Promise<void> {
    const look = this.looks.then(() => this.takeInNewBatches());
    this.looks = look.catch(() => undefined);
    return look;
  }

  private async takeInNewBatches(): Promise<void> {
    this.assertOpen();
    const size = await this.file.size();
    if (size < this.index.endOffset) {
      throw new LogChangedError(
        `The log ${this.file.path} shrank from ${this.index.endOffset} to ${size} bytes while it was read ` +
          `(the service reopened it and cut a torn write?): read it again.`,
      );
    }
    await indexCompleteBatches(this.file, this.index, size, this.options.readChunkBytes);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    await this.refresh();
    const positions = this.index.streamPositions(streamId);
    if (positions === undefined) return;
    const backwards = options.direction === 'backwards';
    const chosen = chooseRevisions(positions.length, options).map((revision) => positions[revision]);
    for (let start = 0; start < chosen.length; start += this.options.streamPageSize) {
      this.assertOpen();
      const page = chosen.slice(start, start + this.options.streamPageSize);
      // The reader wants ascending positions; a backward page is read forwards and turned around.
      const events = await this.reader.readPositions(backwards ? [...page].reverse() : page);
      yield* backwards ? events.reverse() : events;
    }
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    await this.refresh();
    const revision = this.index.lastRevision(streamId);
    return revision === null ? null : BigInt(revision);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    await this.refresh();
    yield* this.reader.readAll(options, () => this.assertOpen());
  }

  async headPosition(): Promise<bigint> {
    await this.refresh();
    return BigInt(this.index.count - 1);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.file.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`The read-only log ${this.file.path} is closed`);
  }
}

/** The revisions a stream read covers, in the order it yields them. */
function chooseRevisions(count: number, options: ReadStreamOptions): number[] {
  const last = count - 1;
  const limit = options.maxCount ?? Infinity;
  const revisions: number[] = [];
  if (options.direction === 'backwards') {
    for (
      let revision = Math.min(last, Number(options.fromRevision ?? BigInt(last)));
      revision >= 0;
      revision -= 1
    ) {
      if (revisions.length >= limit) break;
      revisions.push(revision);
    }
  } else {
    for (let revision = Math.max(0, Number(options.fromRevision ?? 0n)); revision <= last; revision += 1) {
      if (revisions.length >= limit) break;
      revisions.push(revision);
    }
  }
  return revisions;
}

/**
 * Adds to the index the whole write batches between its end and `size`. Unlike the recovery at open, it
 * repairs nothing and refuses nothing: whatever does not continue the log as a valid record (a write in
 * progress, a torn tail the writer will cut, an unfinished batch) ends the scan, and the next refresh looks
 * again from the end of the last whole batch.
 */
async function indexCompleteBatches(
  file: ReadOnlyLogFile,
  index: LogIndex,
  size: number,
  chunkBytes: number,
): Promise<void> {
  const window = new FileWindow(asLogFile(file), size, chunkBytes);
  let batch: ScannedRecord[] = [];
  let offset = index.endOffset;
  while (offset < size) {
    const checked = await window.checkAt(offset);
    if (typeof checked !== 'number') return;
    const at = offset - window.start;
    const batchSize = recordBatchSize(window.buffer, at);
    const continuesLog =
      recordPosition(window.buffer, at) === index.count + batch.length &&
      recordBatchIndex(window.buffer, at) === batch.length &&
      (batch.length === 0 || batchSize === batch[0].batchSize);
    if (!continuesLog) return;
    batch.push(readScannedRecord(window, offset, checked));
    offset += checked;
    if (batch.length === batchSize) {
      addBatch(index, batch, file.path);
      batch = [];
    }
  }
}

function addBatch(index: LogIndex, batch: readonly ScannedRecord[], path: string): void {
  for (const record of batch) {
    if (index.add(record.streamId, record.idHash, record.offset, record.length) !== record.revision) {
      throw new EventStoreCorruptionError(
        `Event store log ${path} is inconsistent at byte ${record.offset}: the event of stream revision ` +
          `${record.revision} comes where another revision was expected.`,
      );
    }
  }
}

/** The log file on a read-only handle: only what reading needs. */
export class ReadOnlyLogFile {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(path: string): Promise<ReadOnlyLogFile> {
    return new ReadOnlyLogFile(path, await open(path, 'r'));
  }

  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }

  async readExactly(into: Buffer, offset: number, length: number): Promise<void> {
    let read = 0;
    while (read < length) {
      const { bytesRead } = await this.handle.read(into, read, length - read, offset + read);
      if (bytesRead === 0)
        throw new LogChangedError(`Unexpected end of ${this.path} at byte ${offset + read}`);
      read += bytesRead;
    }
  }

  /** As LogFile.readExactlyNow: a few KB read without leaving the thread. */
  readExactlyNow(into: Buffer, offset: number, length: number): void {
    const read = readNow(this.handle.fd, into, offset, length);
    if (read < length) throw new LogChangedError(`Unexpected end of ${this.path} at byte ${offset + read}`);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/**
 * LogReader and FileWindow take a LogFile but only read through it (`path`, `readExactly`, `readExactlyNow`); the read-only file
 * offers exactly that. The cast keeps those modules as they are (a LogFile opens its file for writing).
 */
export function asLogFile(file: ReadOnlyLogFile): LogFile {
  return file as unknown as LogFile;
}
