import { WrongExpectedRevisionError, type AppendResult } from '../event-store.port';
import { decideAppend } from './append-decision';
import type { AppendRequest } from './append-request';
import { BatchView } from './batch-view';
import type { LogFile } from './log-file';
import type { LogIndex } from './log-index';
import type { LogReader } from './log-reader';
import { sealRecord } from './record-format';

type Outcome = { result: AppendResult } | { error: Error };

interface Granted {
  request: AppendRequest;
  firstRevision: number;
  firstPosition: number;
}

/**
 * The single writer of the log, committing appends in groups: it takes everything queued, decides each
 * append in order against the log as it stands (a refused append does not affect the others), writes all
 * granted records with one write, syncs once, updates the index, then settles every append of the group.
 * Appends made while a group is being synced wait for the next group: under load, one sync acknowledges
 * many appends, which is what makes durable appends fast.
 */
export class GroupCommitWriter {
  /** Number of write batches committed (each cost one sync). */
  batchCount = 0;
  private queue: AppendRequest[] = [];
  private draining: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly file: LogFile,
    private readonly index: LogIndex,
    private readonly reader: LogReader,
    private readonly maxBatchBytes: number,
    private readonly onCommitted: () => void,
  ) {}

  /** Set once a write failed: the log's state is then unknown to this process, so it stops writing. */
  get failed(): Error | null {
    return this.failure;
  }

  submit(request: AppendRequest): void {
    if (this.failure !== null) {
      request.reject(new Error(`The event store stopped writing after a failure: ${this.failure.message}`));
      return;
    }
    this.queue.push(request);
    this.draining ??= this.drain();
  }

  /** Resolves once every append submitted so far is settled. */
  async idle(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        // Let the appends made in reaction to the last acknowledgements (and those made in the same tick as
        // the first one) join this group rather than wait for the next sync.
        await new Promise((resolve) => setImmediate(resolve));
        await this.commit(this.takeBatch());
      }
    } finally {
      this.draining = null;
    }
  }

  private takeBatch(): AppendRequest[] {
    let bytes = this.queue[0].bytes;
    let count = 1;
    while (count < this.queue.length && bytes + this.queue[count].bytes <= this.maxBatchBytes) {
      bytes += this.queue[count].bytes;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async commit(batch: AppendRequest[]): Promise<void> {
    const view = new BatchView(this.index, this.reader);
    const outcomes: Outcome[] = [];
    const granted: Granted[] = [];
    for (const request of batch) {
      try {
        const found = view.findRevisions(request.streamId, request.ids, request.idHashes);
        outcomes.push(this.decide(request, view, Array.isArray(found) ? found : await found, granted));
      } catch (error) {
        outcomes.push({ error: error as Error });
      }
    }
    if (granted.length > 0 && this.failure === null) {
      try {
        await this.write(granted);
      } catch (error) {
        this.failure = writeFailure(this.file.path, error);
      }
    }
    batch.forEach((request, i) => settle(request, outcomes[i], this.failure));
    if (granted.length > 0 && this.failure === null) this.onCommitted();
  }

  /** Decides one append, given the revisions its events already have in the stream (if any). */
  private decide(
    request: AppendRequest,
    view: BatchView,
    found: readonly (number | undefined)[],
    granted: Granted[],
  ): Outcome {
    const { streamId, ids, expected } = request;
    const current = view.lastRevision(streamId);
    const decision = decideAppend(expected, current, found);
    if (decision.kind === 'conflict') {
      return {
        error: new WrongExpectedRevisionError(streamId, expected, current === null ? null : BigInt(current)),
      };
    }
    if (decision.kind === 'already-written')
      return { result: resultAt(view, streamId, decision.lastRevision) };
    if (ids.length === 0) return { result: resultAt(view, streamId, current) };
    const firstRevision = current === null ? 0 : current + 1;
    const firstPosition = view.accept(streamId, ids, firstRevision);
    granted.push({ request, firstRevision, firstPosition });
    const last = ids.length - 1;
    return {
      result: { nextExpectedRevision: BigInt(firstRevision + last), position: BigInt(firstPosition + last) },
    };
  }

  /** One write and one sync for the whole batch; then the records become visible to readers. */
  private async write(granted: Granted[]): Promise<void> {
    const recordCount = granted.reduce((sum, { request }) => sum + request.records.length, 0);
    const bytes = Buffer.allocUnsafe(granted.reduce((sum, { request }) => sum + request.bytes, 0));
    let cursor = 0;
    let batchIndex = 0;
    for (const { request, firstRevision, firstPosition } of granted) {
      request.records.forEach((record, i) => {
        record.copy(bytes, cursor);
        sealRecord(bytes, cursor, {
          batchIndex: batchIndex + i,
          batchSize: recordCount,
          position: firstPosition + i,
          revision: firstRevision + i,
        });
        cursor += record.length;
      });
      batchIndex += request.records.length;
    }
    const start = this.index.endOffset;
    await this.file.writeDurably(bytes, start);
    this.batchCount += 1;
    this.addToIndex(granted, start);
    this.reader.rememberWritten(start, bytes);
  }

  private addToIndex(granted: Granted[], start: number): void {
    let offset = start;
    for (const { request } of granted) {
      request.records.forEach((record, i) => {
        this.index.add(request.streamId, request.idHashes[i], offset, record.length);
        offset += record.length;
      });
    }
  }
}

/** Answers an append; after a write failure, every append of the batch that was not refused fails with it. */
function settle(request: AppendRequest, outcome: Outcome, failure: Error | null): void {
  if ('error' in outcome) request.reject(outcome.error);
  else if (failure !== null) request.reject(failure);
  else request.resolve(outcome.result);
}

/** The result for a stream left at `revision` (null: no stream, for an empty append). */
function resultAt(view: BatchView, streamId: string, revision: number | null): AppendResult {
  if (revision === null) return { nextExpectedRevision: -1n, position: -1n };
  return { nextExpectedRevision: BigInt(revision), position: BigInt(view.positionOf(streamId, revision)) };
}

function writeFailure(path: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `Could not write the event log ${path} (${reason}). Whether the last appends are on disk is unknown: ` +
      `reopen the store, and retry them with the same event ids (re-appending them is idempotent).`,
    { cause },
  );
}
