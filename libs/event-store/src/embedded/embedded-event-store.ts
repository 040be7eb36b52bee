import type { Logger } from '@invitations/kernel';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  MultiStreamAppend,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamAppendOutcome,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { readCleanCloseMark, removeCleanCloseMark, tailChecksum, writeCleanCloseMark } from './clean-close';
import { DirectoryLock } from './directory-lock';
import { prepareAppend } from './append-request';
import { GroupCommitWriter } from './group-commit-writer';
import { LogFile } from './log-file';
import { LogIndex } from './log-index';
import { LogReader } from './log-reader';
import { recoverLog, type LogRepair, type PreviousStop } from './log-recovery';

export const LOG_FILE_NAME = 'events.log';

export interface EmbeddedEventStoreOptions {
  /** Bytes fetched per read by readAll, subscriptions and the scan at open (default 1 MiB). */
  readChunkBytes?: number;
  /** Events per page when reading a stream (default 512). */
  streamPageSize?: number;
  /** A write batch stops growing at this many bytes, unless one append alone is larger (default 4 MiB). */
  maxBatchBytes?: number;
  /** Where the open says what it repaired (default: console.warn). */
  logger?: Pick<Logger, 'warn'>;
}

/** What the last open of the store found and did: shown by `GET /ops/status` and `ops status`. */
export interface LogOpenReport {
  file: string;
  openedAt: string;
  /** clean: closed with its mark (nothing could be torn); unclean: a crash or kill -9; none: a new log. */
  previousStop: PreviousStop;
  /** The log as opened, after any repair. */
  events: number;
  bytes: number;
  /** The torn last write cut off, if any. */
  repair: LogRepair | null;
  warnings: string[];
}

export interface EmbeddedEventStoreStats {
  events: number;
  streams: number;
  logBytes: number;
  /** fdatasync calls since open. */
  syncs: number;
  /** Write batches committed since open (each is one write and one sync). */
  batches: number;
  /** Bytes of a torn last write cut off when the store was opened (see {@link EmbeddedEventStore.lastOpen}). */
  truncatedBytesAtOpen: number;
}

const DEFAULTS: Required<EmbeddedEventStoreOptions> = {
  readChunkBytes: 1024 * 1024,
  streamPageSize: 512,
  maxBatchBytes: 4 * 1024 * 1024,
  logger: { warn: (message) => console.warn(message) },
};

/**
 * The embedded event store: one append-only log file in a directory, owned by one process at a time.
 * Appends are acknowledged once on disk, several appends sharing one sync (see {@link GroupCommitWriter}).
 * Positions are the events' sequence numbers in the log: 0, 1, 2, ...
 */
export class EmbeddedEventStore implements EventStore {
  /** Parts submitted together join one write batch: one write and one sync for all (see GroupCommitWriter). */
  readonly multiStreamAppend: MultiStreamAppend = 'one-commit';
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly writer: GroupCommitWriter;
  private readonly reader: LogReader;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly directory: string,
    private readonly lock: DirectoryLock,
    private readonly file: LogFile,
    private readonly index: LogIndex,
    private readonly options: Required<EmbeddedEventStoreOptions>,
    private readonly openReport: LogOpenReport,
  ) {
    this.reader = new LogReader(file, index, options.readChunkBytes);
    this.writer = new GroupCommitWriter(file, index, this.reader, options.maxBatchBytes, () =>
      this.wakeSubscriptions(),
    );
  }

  /**
   * Opens (or creates) the store in `directory`: takes the directory's lock, reads the whole log to rebuild
   * the index, and cuts off a torn last write, saying so to the logger (see {@link lastOpen}). Fails with
   * EventStoreLockedError if another process (or another open in this process) has it, and with
   * EventStoreCorruptionError if acknowledged data is damaged (the message names the file, the byte and what
   * to do), changing nothing then.
   */
  static async open(directory: string, options: EmbeddedEventStoreOptions = {}): Promise<EmbeddedEventStore> {
    const settings = { ...DEFAULTS, ...options };
    await mkdir(directory, { recursive: true });
    const lock = await DirectoryLock.acquire(directory);
    try {
      const closeState = await readCleanCloseMark(directory);
      const file = await LogFile.open(join(directory, LOG_FILE_NAME));
      try {
        const index = new LogIndex();
        const recovery = await recoverLog(file, index, settings.readChunkBytes, closeState);
        await removeCleanCloseMark(directory);
        for (const warning of recovery.warnings) settings.logger.warn(warning);
        const report: LogOpenReport = {
          file: file.path,
          openedAt: new Date().toISOString(),
          previousStop: recovery.previousStop,
          events: index.count,
          bytes: index.endOffset,
          repair: recovery.repair,
          warnings: recovery.warnings,
        };
        return new EmbeddedEventStore(directory, lock, file, index, settings, report);
      } catch (error) {
        await file.close();
        throw error;
      }
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.assertOpen();
      this.writer.submit(prepareAppend(streamId, events, expected, resolve, reject));
    });
  }

  /**
   * Every part is submitted to the writer in the same tick, so they are decided one after the other against the
   * log and the granted ones written with one write and one sync (unless they pass the batch's size, which splits
   * them over consecutive commits).
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    this.assertOpen();
    return Promise.all(
      appends.map(({ streamId, events, expected }) =>
        this.append(streamId, events, expected).then(
          (result): StreamAppendOutcome => ({ ok: true, result }),
          (error: unknown): StreamAppendOutcome => ({ ok: false, error: asError(error) }),
        ),
      ),
    );
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const positions = this.index.streamPositions(streamId);
    if (positions === undefined) return;
    const pages =
      options.direction === 'backwards'
        ? backwardPages(positions.length - 1, options, this.options.streamPageSize)
        : forwardPages(positions.length - 1, options, this.options.streamPageSize);
    for (const [from, to] of pages) {
      this.assertOpen();
      const events = await this.reader.readPositions(positions.slice(from, to + 1));
      if (options.direction === 'backwards') events.reverse();
      yield* events;
    }
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    this.assertOpen();
    const revision = this.index.lastRevision(streamId);
    return revision === null ? null : BigInt(revision);
  }

  /** Reads the log as it stands when the read starts (a subscription follows what comes after). */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    yield* this.reader.readAll(options, () => this.assertOpen());
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.index.count - 1);
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const source = {
      committedCount: () => this.index.count,
      readChunk: (from: number, to: number) => this.reader.readChunk(from, to),
    };
    const subscription = new CatchUpSubscription(source, handler, options, (done) =>
      this.subscriptions.delete(done),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    if (this.writer.failed !== null) throw this.writer.failed;
    await this.file.size();
  }

  /** Lets queued appends finish, stops the subscriptions, closes the log and releases the directory. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  stats(): EmbeddedEventStoreStats {
    return {
      events: this.index.count,
      streams: this.index.streamCount,
      logBytes: this.index.endOffset,
      syncs: this.file.syncCount,
      batches: this.writer.batchCount,
      truncatedBytesAtOpen: this.openReport.repair?.cutBytes ?? 0,
    };
  }

  /** What the open found and repaired. */
  lastOpen(): LogOpenReport {
    return { ...this.openReport, warnings: [...this.openReport.warnings] };
  }

  private async shutDown(): Promise<void> {
    await this.writer.idle();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.writer.failed === null) await this.markCleanClose();
    await this.file.close();
    await this.lock.release();
  }

  /**
   * Leaves the mark that tells the next open this log was closed cleanly (see CleanCloseMark). After a failed
   * write the log's end is unknown, so no mark: the next open checks it as after a crash. A mark that cannot be
   * written only makes the next open less sure, so the close goes on.
   */
  private async markCleanClose(): Promise<void> {
    try {
      const length = this.index.endOffset;
      const tail = await tailChecksum(
        (into, offset, bytes) => this.file.readExactly(into, offset, bytes),
        length,
      );
      await writeCleanCloseMark(this.directory, {
        length,
        events: this.index.count,
        ...tail,
        closedAt: new Date().toISOString(),
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not leave the clean-close mark of ${this.file.path} (${(error as Error).message}): the next open ` +
          `will check the log as after a crash.`,
      );
    }
  }

  private assertOpen(): void {
    if (this.closing !== null) throw new Error(`The event store in ${this.file.path} is closed`);
  }

  private wakeSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Inclusive revision ranges of the pages of a forward read. */
function* forwardPages(
  last: number,
  options: ReadStreamOptions,
  pageSize: number,
): Generator<[number, number]> {
  let from = Math.max(0, Number(options.fromRevision ?? 0n));
  let remaining = options.maxCount ?? Infinity;
  while (from <= last && remaining > 0) {
    const to = Math.min(last, from + Math.min(pageSize, remaining) - 1);
    yield [from, to];
    remaining -= to - from + 1;
    from = to + 1;
  }
}

/** Inclusive revision ranges of the pages of a backward read, last page first. */
function* backwardPages(
  last: number,
  options: ReadStreamOptions,
  pageSize: number,
): Generator<[number, number]> {
  let to = Math.min(last, Number(options.fromRevision ?? BigInt(last)));
  let remaining = options.maxCount ?? Infinity;
  while (to >= 0 && remaining > 0) {
    const from = Math.max(0, to - Math.min(pageSize, remaining) + 1);
    yield [from, to];
    remaining -= to - from + 1;
    to = from - 1;
  }
}

/** What the last open of an embedded store found and repaired; null for another event store (EventStoreDB). */
export function logOpenReportOf(store: unknown): LogOpenReport | null {
  if (store instanceof EmbeddedEventStore) return store.lastOpen();
  // A store wrapping the log (personal data kept out of it) reports its log's open.
  const underlying = (store as { underlying?: unknown } | null)?.underlying;
  return underlying === undefined ? null : logOpenReportOf(underlying);
}
