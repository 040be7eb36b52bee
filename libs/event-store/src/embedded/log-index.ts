import { EventIdIndex, type IdHash } from './event-id-index';

/**
 * What the store keeps in memory about the committed log: where each record lies in the file, each stream's
 * positions by revision, and the event ids. Event bodies are not kept: they are read from the file (the
 * operating system's page cache keeps the hot part in memory), so memory grows by roughly 50 bytes per event
 * plus one entry per stream, whatever the events' size.
 *
 * Only the writer adds to it, and only records that are on disk; readers see a consistent prefix.
 */
export class LogIndex {
  private offsets = new Float64Array(1024);
  private eventCount = 0;
  private end = 0;
  /**
   * Each stream's positions by revision: a bare number for a stream of one event (most streams: a passport, a
   * reservation), since an array pushed to from empty takes a backing store of 17 slots, ~150 bytes a stream.
   */
  private readonly streams = new Map<string, number | number[]>();
  readonly ids = new EventIdIndex();

  /** Number of committed events; also the position the next event will get. */
  get count(): number {
    return this.eventCount;
  }

  /** File offset just after the last committed record. */
  get endOffset(): number {
    return this.end;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /**
   * Records the next event. Returns its revision in the stream. The record must start where the previous
   * one ended.
   */
  add(streamId: string, idHash: IdHash, offset: number, length: number): number {
    if (offset !== this.end)
      throw new Error(`Log index out of step: record at ${offset}, expected ${this.end}`);
    if (this.eventCount === this.offsets.length) this.growOffsets();
    const position = this.eventCount;
    this.offsets[position] = offset;
    this.eventCount += 1;
    this.end = offset + length;
    this.ids.add(idHash, position);
    const positions = this.streams.get(streamId);
    if (positions === undefined) {
      this.streams.set(streamId, position);
      return 0;
    }
    if (typeof positions === 'number') {
      this.streams.set(streamId, [positions, position]);
      return 1;
    }
    positions.push(position);
    return positions.length - 1;
  }

  offsetOf(position: number): number {
    return this.offsets[position];
  }

  /** File offset just after the record at `position`. */
  endOf(position: number): number {
    return position + 1 < this.eventCount ? this.offsets[position + 1] : this.end;
  }

  /** The stream's positions, indexed by revision, as committed when asked (do not change the array). */
  streamPositions(streamId: string): readonly number[] | undefined {
    const positions = this.streams.get(streamId);
    return typeof positions === 'number' ? [positions] : positions;
  }

  /** The stream's last revision, or null when it has no events. */
  lastRevision(streamId: string): number | null {
    const positions = this.streams.get(streamId);
    if (positions === undefined) return null;
    return typeof positions === 'number' ? 0 : positions.length - 1;
  }

  /**
   * The end (exclusive) of the longest run of positions from `from` (before `to`) whose records fit in
   * `budgetBytes`; at least one record, so a record larger than the budget is still read.
   */
  runEnd(from: number, to: number, budgetBytes: number): number {
    const limit = this.offsets[from] + budgetBytes;
    let low = from + 1;
    let high = to;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.endOf(middle - 1) <= limit) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private growOffsets(): void {
    const larger = new Float64Array(this.offsets.length * 2);
    larger.set(this.offsets);
    this.offsets = larger;
  }
}
