import type { IdHash } from './event-id-index';
import type { LogIndex } from './log-index';
import type { LogReader } from './log-reader';

interface PendingEvent {
  streamId: string;
  revision: number;
  position: number;
}

/**
 * The log as seen while deciding the appends of one write batch, in order: the committed index, plus what the
 * batch's earlier appends were granted. So two appends to one stream in one batch are checked one after
 * the other, exactly as if they had been committed separately.
 */
export class BatchView {
  private readonly pendingByStream = new Map<string, PendingEvent[]>();
  private readonly pendingById = new Map<string, PendingEvent[]>();
  private nextPosition: number;

  constructor(
    private readonly index: LogIndex,
    private readonly reader: LogReader,
  ) {
    this.nextPosition = index.count;
  }

  lastRevision(streamId: string): number | null {
    const pending = this.pendingByStream.get(streamId);
    return pending !== undefined ? pending[pending.length - 1].revision : this.index.lastRevision(streamId);
  }

  positionOf(streamId: string, revision: number): number {
    const committed = this.index.streamPositions(streamId) ?? [];
    if (revision < committed.length) return committed[revision];
    const pending = this.pendingByStream.get(streamId) ?? [];
    return pending[revision - committed.length].position;
  }

  /**
   * For each id, the revision of the event with that id in this stream, or undefined. Answers at once unless
   * the id index says an id may already be in the log: then the candidates are read from the file.
   */
  findRevisions(
    streamId: string,
    ids: readonly string[],
    hashes: readonly IdHash[],
  ): (number | undefined)[] | Promise<(number | undefined)[]> {
    const revisions: (number | undefined)[] = [];
    let mayBeLogged = false;
    for (let i = 0; i < ids.length; i += 1) {
      const pending = this.pendingById.get(ids[i])?.find((event) => event.streamId === streamId);
      revisions.push(pending?.revision);
      if (pending === undefined && this.index.ids.mayContain(hashes[i])) mayBeLogged = true;
    }
    return mayBeLogged ? this.findLoggedRevisions(streamId, ids, hashes, revisions) : revisions;
  }

  /** Grants positions to the events of an accepted append, from `firstRevision` on; returns the first. */
  accept(streamId: string, ids: readonly string[], firstRevision: number): number {
    const firstPosition = this.nextPosition;
    let pendingInStream = this.pendingByStream.get(streamId);
    if (pendingInStream === undefined) {
      pendingInStream = [];
      this.pendingByStream.set(streamId, pendingInStream);
    }
    ids.forEach((id, i) => {
      const event = { streamId, revision: firstRevision + i, position: firstPosition + i };
      pendingInStream.push(event);
      const sameId = this.pendingById.get(id);
      if (sameId === undefined) this.pendingById.set(id, [event]);
      else sameId.push(event);
    });
    this.nextPosition += ids.length;
    return firstPosition;
  }

  private async findLoggedRevisions(
    streamId: string,
    ids: readonly string[],
    hashes: readonly IdHash[],
    pendingRevisions: (number | undefined)[],
  ): Promise<(number | undefined)[]> {
    const revisions: (number | undefined)[] = [];
    for (let i = 0; i < ids.length; i += 1) {
      revisions.push(pendingRevisions[i] ?? (await this.findCommittedRevision(streamId, ids[i], hashes[i])));
    }
    return revisions;
  }

  /**
   * The id index only says where an event with this id may be; reading the candidates settles it. Candidates
   * are rare (a retried append, or a hash collision), so the read seldom happens.
   */
  private async findCommittedRevision(
    streamId: string,
    id: string,
    hash: IdHash,
  ): Promise<number | undefined> {
    const candidates = this.index.ids.candidates(hash);
    if (candidates.length === 0) return undefined;
    const events = await this.reader.readPositions(candidates.sort((a, b) => a - b));
    const match = events.find((event) => event.id === id && event.streamId === streamId);
    return match === undefined ? undefined : Number(match.revision);
  }
}
