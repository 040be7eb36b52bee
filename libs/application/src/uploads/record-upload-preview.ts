import {
  recordUploadRows,
  uploadDecider,
  uploadStreamId,
  type PersonDetails,
  type RecordUploadPreview,
  type UploadEvent,
  type UploadRowValues,
  type UploadRowsRecorded,
  type RecordedUploadState,
} from '@invitations/domain';
import { loadStream, toNewEvent, type EventStore, type NewEvent } from '@invitations/event-store';
import { deriveId, type CommandContext, ServiceError } from '@invitations/kernel';
import type { ClassifiedBatch } from './classify-upload';
import { EncodedRows } from './encoded-rows';

/** Rows per UploadRowsRecorded event: about 150 KB of JSON, well under EventStoreDB's 1 MiB per event. */
export const ROWS_PER_CHUNK = 1000;
/** Chunks per append: a large file's rows are written a few MB at a time, never all built at once. */
export const CHUNKS_PER_APPEND = 10;

/** The previewed rows, by 0-based index, built only when asked for (ClassifiedRows keeps them compact). */
export interface PreviewedRows {
  readonly length: number;
  /**
   * Rows `start` to `end` (excluded), each as its values (UploadRowsRecorded's form); from the people `personAt`
   * gives when the caller has them.
   */
  valuesSlice(
    start: number,
    end: number,
    personAt?: (index: number) => PersonDetails | null,
  ): UploadRowValues[];
  /** Lets go of what rows `start` to `end` hold that is now encoded (a preview still needs what it lists). */
  forgetPeople?(start: number, end: number): void;
}

export type RecordedPreview = RecordedUploadState;

/**
 * The chunks of a preview's rows encoded while the file is still being read: each as soon as its last row is
 * classified (the gateway's thread waits on the parser much of that time), so that recording the preview
 * afterwards only writes bytes. The rows then let go of what the encoding holds (PreviewedRows.forgetPeople), so
 * that a row is not held twice. If the file is refused they are dropped; a chunk not encoded ahead (the last,
 * partial one) is built when it is recorded.
 */
export class ChunksEncodedAhead {
  private readonly chunks = new Map<number, EncodedRows>();
  private next = 0;

  /**
   * The rows before `end` are classified for good (ClassifyUploadOptions.onClassified); `batch`, the people of the
   * rows just classified, is used for the chunks it holds whole.
   */
  classified(rows: PreviewedRows, end: number, batch?: ClassifiedBatch): void {
    for (; (this.next + 1) * ROWS_PER_CHUNK <= end; this.next += 1) {
      const [start, chunkEnd] = [this.next * ROWS_PER_CHUNK, (this.next + 1) * ROWS_PER_CHUNK];
      const inBatch =
        batch !== undefined && batch.start <= start && chunkEnd <= batch.start + batch.people.length;
      const personAt = inBatch ? (index: number) => batch.people[index - batch.start] : undefined;
      this.chunks.set(this.next, EncodedRows.encode(rows.valuesSlice(start, chunkEnd, personAt)));
      rows.forgetPeople?.(start, chunkEnd);
    }
  }

  /** The chunk, encoded, if it was; given once (then forgotten, so recorded chunks are not held). */
  take(chunk: number): EncodedRows | undefined {
    const encoded = this.chunks.get(chunk);
    this.chunks.delete(chunk);
    return encoded;
  }
}

/** How many UploadRowsRecorded events a preview of this many rows has. */
export function chunksFor(rows: number): number {
  return Math.ceil(rows / ROWS_PER_CHUNK);
}

/**
 * Records a preview in its upload's stream: the summary (UploadPreviewed), then the rows, CHUNKS_PER_APPEND
 * chunks per append, each append's rows built just before it is written, so a 150,000-row file is never held
 * as objects or JSON all at once.
 *
 * The stream belongs to this one command (the upload id derives from the command id), and every event id derives
 * from the upload id and the chunk: a retry of the same command (same Idempotency-Key) after a crash finds the
 * recording where it stopped and completes it, duplicating nothing. A retry that sends another file (another
 * SHA-256) is refused with CONFLICT. Until every chunk is recorded the upload cannot be confirmed (the decider).
 */
export async function recordUploadPreview(
  store: EventStore,
  command: RecordUploadPreview,
  rows: PreviewedRows,
  context: CommandContext,
  ahead?: ChunksEncodedAhead,
): Promise<RecordedPreview> {
  const streamId = uploadStreamId(command.uploadId);
  let { state, revision } = await loadStream(store, streamId, uploadDecider);
  const append = async (
    events: readonly (UploadEvent | UploadRowsRecorded<RowsToRecord>)[],
    commandId: string,
  ) => {
    const toAppend = events.map((event, index) =>
      newEvent(event, { ...context, commandId }, streamId, index),
    );
    await store.append(streamId, toAppend, revision ?? 'no_stream');
    revision = (revision ?? -1n) + BigInt(events.length);
    // No decision looks into the rows: the state counts the chunks.
    for (const event of events) state = uploadDecider.evolve(state, event as UploadEvent);
  };

  if (state.status === 'absent') {
    await append(uploadDecider.decide(command, state), context.commandId);
  } else if (state.preview.fileSha256 !== command.fileSha256) {
    throw new ServiceError('CONFLICT', 'This Idempotency-Key was already used to upload another file.');
  }
  if (state.status === 'absent') throw new Error(`upload ${command.uploadId} was not recorded`);

  const { chunks } = state.preview;
  for (let first = state.chunksRecorded; first < chunks; first += CHUNKS_PER_APPEND) {
    const group: RowsToRecord[] = [];
    for (let chunk = first; chunk < Math.min(first + CHUNKS_PER_APPEND, chunks); chunk += 1) {
      group.push(
        ahead?.take(chunk) ?? rows.valuesSlice(chunk * ROWS_PER_CHUNK, (chunk + 1) * ROWS_PER_CHUNK),
      );
    }
    const events = recordUploadRows({ type: 'RecordUploadRows', firstChunk: first, chunks: group }, state);
    await append(events, deriveId(command.uploadId, 'rows', String(first)));
  }
  return state;
}

/** A chunk's rows as values, or encoded ahead. */
type RowsToRecord = UploadRowValues[] | EncodedRows;

/** The event to append: a chunk encoded ahead is written as its bytes (NewEvent.encodedData). */
function newEvent(
  event: UploadEvent | UploadRowsRecorded<RowsToRecord>,
  context: CommandContext,
  streamId: string,
  index: number,
): NewEvent {
  if (event.type !== 'UploadRowsRecorded' || !(event.data.rows instanceof EncodedRows)) {
    return toNewEvent(event, context, streamId, index);
  }
  const { rows, ...described } = event.data;
  return {
    ...toNewEvent({ type: event.type, data: described }, context, streamId, index),
    encodedData: rows.asPropertyOf(described),
  };
}
