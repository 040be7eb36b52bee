import { EventStoreCorruptionError, type ReadAllOptions, type RecordedEvent } from '../event-store.port';
import type { LogFile } from './log-file';
import type { LogIndex } from './log-index';
import { checkRecord, decodeRecord, LAZY_BODY_BYTES } from './record-format';

/** Records closer than this are fetched with one read rather than two (skipping the bytes between). */
const MAX_GAP_BYTES = 16 * 1024;
/** Spans up to this size are read without leaving the thread (see LogFile.readExactlyNow); larger ones are not. */
const READ_NOW_BYTES = 64 * 1024;
/** How many of the events last read for subscriptions are kept decoded for the next subscriber (about 10 MB). */
const SHARED_EVENTS = 8192;

/**
 * Reads committed events from the log file, using the index to know where each record lies. Every record is
 * checked against its checksum again as it is read, so damage that happens while the store runs is reported
 * rather than returned (an event a subscriber gets decoded from another's read was checked by that read).
 */
export class LogReader {
  /** The last batch written, kept so that live subscriptions get it without reading it back from the file. */
  private lastWritten: { start: number; bytes: Buffer } | null = null;
  /**
   * The events last read for subscriptions, decoded, by position modulo SHARED_EVENTS: the service's subscribers
   * (the read models' runner, the notifications) follow the log a few hundred events apart, and each decoded every
   * event again. Events are never changed by their readers, so one decoded event serves them all. Large records
   * (an upload's rows) are left out: each keeps its bytes until its body is read.
   */
  private readonly shared: (RecordedEvent | undefined)[] = new Array<RecordedEvent | undefined>(
    SHARED_EVENTS,
  );
  private readonly sharedPositions = new Float64Array(SHARED_EVENTS).fill(-1);
  /** The chunk being read from the file for a subscriber, from position `from`. */
  private reading: { from: number; end: number; events: Promise<RecordedEvent[]> } | null = null;

  constructor(
    private readonly file: LogFile,
    private readonly index: LogIndex,
    private readonly chunkBytes: number,
  ) {}

  /**
   * Reads the log after `options.after` as it stands when the read starts, chunk by chunk. `assertOpen` is
   * asked before each chunk, so a read of a store closed under it stops rather than reading a closed file.
   */
  async *readAll(options: ReadAllOptions, assertOpen: () => void): AsyncIterable<RecordedEvent> {
    let next = options.after === undefined || options.after < 0n ? 0 : Number(options.after) + 1;
    const end = Math.min(this.index.count, next + (options.maxCount ?? Infinity));
    while (next < end) {
      assertOpen();
      const events = await this.readChunk(next, end);
      yield* events;
      next += events.length;
    }
  }

  /**
   * Reads events from position `from` on, before `to`, as many as fit in one chunk (at least one): one
   * sequential read. The caller loops for more.
   */
  // Async, so that a failure is a rejection; what it decodes at once it decodes before returning, so that the
  // next subscriber finds it.
  async readChunk(from: number, to: number): Promise<RecordedEvent[]> {
    const decoded = this.sharedRun(from, to);
    if (decoded !== null) return decoded;
    // Subscribers woken by the same commit ask for the same events at once: they share one read of them.
    if (this.reading !== null && this.reading.from === from && this.reading.end <= to)
      return this.reading.events;
    const end = this.index.runEnd(from, to, this.chunkBytes);
    const start = this.index.offsetOf(from);
    const written = this.writtenSpan(start, this.index.endOf(end - 1));
    if (written !== null) return this.decodeChunk(written, start, from, end);
    const events = this.readSpan(start, this.index.endOf(end - 1)).then((bytes) =>
      this.decodeChunk(bytes, start, from, end),
    );
    const reading = { from, end, events };
    this.reading = reading;
    const done = () => {
      if (this.reading === reading) this.reading = null;
    };
    events.then(done, done);
    return events;
  }

  /** The events of `bytes` (read from `start`), from position `from` to `end`, kept for the next subscriber. */
  private decodeChunk(bytes: Buffer, start: number, from: number, end: number): RecordedEvent[] {
    const events: RecordedEvent[] = new Array<RecordedEvent>(end - from);
    // Only events near the head are kept: a reader of older history (a rebuild, an export) is alone, and keeping
    // what it reads would only make the collector carry every event it decodes into the old generation.
    const sharedFrom = this.index.count - SHARED_EVENTS;
    for (let position = from; position < end; position += 1) {
      const offset = this.index.offsetOf(position);
      const event = this.decodeAt(bytes, offset - start, position);
      events[position - from] = event;
      if (position >= sharedFrom && this.index.endOf(position) - offset < LAZY_BODY_BYTES) {
        this.shared[position % SHARED_EVENTS] = event;
        this.sharedPositions[position % SHARED_EVENTS] = position;
      }
    }
    return events;
  }

  /** The events from `from` on (before `to`) another subscriber's read left decoded, if the first of them is. */
  private sharedRun(from: number, to: number): RecordedEvent[] | null {
    let end = from;
    while (end < to && end - from < SHARED_EVENTS && this.sharedPositions[end % SHARED_EVENTS] === end)
      end += 1;
    if (end === from) return null;
    const events: RecordedEvent[] = new Array<RecordedEvent>(end - from);
    for (let position = from; position < end; position += 1) {
      events[position - from] = this.shared[position % SHARED_EVENTS]!;
    }
    return events;
  }

  /**
   * Reads the events at the given positions (ascending), in that order. Nearby records are fetched together,
   * so a stream whose events were appended together costs one read.
   */
  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    // A stream read just after its events were appended (a command on a person just staged) finds them decoded.
    let shared = 0;
    while (
      shared < positions.length &&
      this.sharedPositions[positions[shared] % SHARED_EVENTS] === positions[shared]
    )
      shared += 1;
    if (shared === positions.length)
      return positions.map((position) => this.shared[position % SHARED_EVENTS]!);
    return this.readFromFile(positions);
  }

  private async readFromFile(positions: readonly number[]): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let first = 0;
    while (first < positions.length) {
      const last = this.lastOfSpan(positions, first);
      const start = this.index.offsetOf(positions[first]);
      const bytes = await this.readSpan(start, this.index.endOf(positions[last]));
      for (let i = first; i <= last; i += 1) {
        events.push(this.decodeAt(bytes, this.index.offsetOf(positions[i]) - start, positions[i]));
      }
      first = last + 1;
    }
    return events;
  }

  /** The last index of positions, from `first`, that one read of at most a chunk can cover. */
  private lastOfSpan(positions: readonly number[], first: number): number {
    const limit = this.index.offsetOf(positions[first]) + this.chunkBytes;
    let last = first;
    while (last + 1 < positions.length) {
      const next = positions[last + 1];
      const gap = this.index.offsetOf(next) - this.index.endOf(positions[last]);
      if (gap > MAX_GAP_BYTES || this.index.endOf(next) > limit) break;
      last += 1;
    }
    return last;
  }

  /** Called by the writer with the bytes it has just written (and synced) at `start`. */
  rememberWritten(start: number, bytes: Buffer): void {
    this.lastWritten = { start, bytes };
  }

  private async readSpan(start: number, end: number): Promise<Buffer> {
    const written = this.writtenSpan(start, end);
    if (written !== null) return written;
    const bytes = Buffer.allocUnsafe(end - start);
    if (end - start <= READ_NOW_BYTES) this.file.readExactlyNow(bytes, start, end - start);
    else await this.file.readExactly(bytes, start, end - start);
    return bytes;
  }

  /** The bytes from `start` to `end` when the last batch written holds them all. */
  private writtenSpan(start: number, end: number): Buffer | null {
    const last = this.lastWritten;
    if (last !== null && start >= last.start && end <= last.start + last.bytes.length) {
      return last.bytes.subarray(start - last.start, end - last.start);
    }
    return null;
  }

  private decodeAt(bytes: Buffer, at: number, position: number): RecordedEvent {
    const checked = checkRecord(bytes, at, at + this.index.endOf(position) - this.index.offsetOf(position));
    if (typeof checked !== 'number') {
      throw new EventStoreCorruptionError(
        `Event store log ${this.file.path} is damaged: the record of position ${position} ` +
          `at byte ${this.index.offsetOf(position)} fails its check (${checked}).`,
      );
    }
    return decodeRecord(bytes, at, checked);
  }
}
