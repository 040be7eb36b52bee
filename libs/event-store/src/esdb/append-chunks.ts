import type { NewEvent } from '../event-store.port';

/** EventStoreDB's default `MaxAppendSize`: one append (all its events together) may not exceed 1 MiB. */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

/**
 * What the server counts for an event besides its data and metadata (id, type, content type and the
 * framing around them). An over-estimate on purpose: a chunk a little smaller than needed costs nothing,
 * one a little bigger is refused by the server.
 */
export const PER_EVENT_OVERHEAD_BYTES = 256;

export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
  constructor(
    readonly streamId: string,
    readonly eventType: string,
    readonly bytes: number,
    readonly maxAppendBytes: number,
  ) {
    super(
      `Event ${eventType} for stream ${streamId} is about ${bytes} bytes, over EventStoreDB's append limit of ${maxAppendBytes} bytes`,
    );
  }
}

/** The size the event takes in an append: its JSON data and metadata as sent, plus the fixed overhead. */
export function estimatedEventBytes(event: Pick<NewEvent, 'type' | 'data' | 'metadata'>): number {
  return (
    Buffer.byteLength(JSON.stringify(event.data) ?? '', 'utf8') +
    Buffer.byteLength(JSON.stringify(event.metadata) ?? '', 'utf8') +
    Buffer.byteLength(event.type, 'utf8') +
    PER_EVENT_OVERHEAD_BYTES
  );
}

/**
 * Splits sizes into consecutive groups whose sums stay within `limit`, greedily, keeping the order.
 * Returns groups of indexes. A size over the limit cannot be placed: the caller must refuse it first.
 */
export function chunkIndexesBySize(sizes: readonly number[], limit: number): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let currentBytes = 0;
  sizes.forEach((size, index) => {
    if (size > limit)
      throw new RangeError(`item ${index} (${size} bytes) exceeds the limit of ${limit} bytes`);
    if (current.length > 0 && currentBytes + size > limit) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(index);
    currentBytes += size;
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The events in consecutive chunks that EventStoreDB accepts one append at a time; refuses an event alone too big. */
export function chunkEventsForAppend<E extends NewEvent>(
  streamId: string,
  events: readonly E[],
  maxAppendBytes: number = DEFAULT_MAX_APPEND_BYTES,
): E[][] {
  const sizes = events.map((event) => {
    const bytes = estimatedEventBytes(event);
    if (bytes > maxAppendBytes) throw new EventTooLargeError(streamId, event.type, bytes, maxAppendBytes);
    return bytes;
  });
  return chunkIndexesBySize(sizes, maxAppendBytes).map((indexes) => indexes.map((index) => events[index]));
}
