import {
  collectUploadRows,
  uploadDecider,
  uploadStreamId,
  type RecordedUploadState,
  type UploadCommand,
  type UploadEvent,
  type UploadRow,
  type UploadState,
} from '@invitations/domain';
import {
  toNewEvent,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '@invitations/event-store';
import type { CommandContext } from '@invitations/kernel';
import { notFound } from '../tenancy/tenant-streams';

/** An upload's stream read for a decision: its state, its revision, and who started its confirmation. */
export interface LoadedUpload {
  state: UploadState;
  revision: bigint | null;
  /** The event that started the current confirmation job (its metadata names the admin), if any. */
  started: RecordedEvent | null;
}

const CHUNK_EVENT = 'UploadRowsRecorded';

/**
 * The upload's state from its stream, without decoding its rows: no decision looks into them, and a large upload's
 * chunks are tens of MB of JSON (the embedded log decodes an event's data only when it is read).
 */
export async function loadUpload(store: EventStore, uploadId: string): Promise<LoadedUpload> {
  let state = uploadDecider.initialState();
  let revision: bigint | null = null;
  let started: RecordedEvent | null = null;
  for await (const event of store.readStream(uploadStreamId(uploadId))) {
    const data = event.type === CHUNK_EVENT ? null : event.data;
    state = uploadDecider.evolve(state, { type: event.type, data } as UploadEvent);
    if (event.type === 'UploadConfirmationStarted') started = event;
    revision = event.revision;
  }
  return { state, revision, started };
}

/** The upload of this organisation: NOT_FOUND when it does not exist or is another organisation's. */
export async function uploadOfOrganisation(
  store: EventStore,
  organisationId: string,
  uploadId: string,
): Promise<LoadedUpload & { state: RecordedUploadState }> {
  const loaded = await loadUpload(store, uploadId);
  const { state } = loaded;
  if (state.status === 'absent' || state.preview.organisationId !== organisationId) throw notFound('upload');
  return { ...loaded, state };
}

/**
 * Decides a command on the upload and appends its events with the stream's exact revision; on a concurrent write
 * it reads the stream again and decides again. Starts from `known` when the caller holds the stream as it last
 * saw it. Event ids derive from the command id, so a repeat appends nothing new.
 */
export async function decideOnUpload(
  store: EventStore,
  uploadId: string,
  command: UploadCommand,
  context: CommandContext,
  known?: LoadedUpload,
  attempts = 5,
): Promise<LoadedUpload & { events: UploadEvent[]; position: bigint }> {
  let loaded = known ?? (await loadUpload(store, uploadId));
  for (let attempt = 1; ; attempt += 1) {
    const events = uploadDecider.decide(command, loaded.state);
    if (events.length === 0) return { ...loaded, events, position: -1n };
    const streamId = uploadStreamId(uploadId);
    const toAppend = events.map((event, index) => toNewEvent(event, context, streamId, index));
    try {
      const result = await store.append(streamId, toAppend, loaded.revision ?? 'no_stream');
      let { state, started } = loaded;
      for (const event of events) state = uploadDecider.evolve(state, event);
      if (events.some((event) => event.type === 'UploadConfirmationStarted')) {
        started = await startedEventOf(store, uploadId, result.nextExpectedRevision);
      }
      return { state, revision: result.nextExpectedRevision, started, events, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= attempts) throw error;
      loaded = await loadUpload(store, uploadId);
    }
  }
}

async function startedEventOf(store: EventStore, uploadId: string, revision: bigint) {
  for await (const event of store.readStream(uploadStreamId(uploadId), {
    fromRevision: revision,
    maxCount: 1,
  })) {
    if (event.type === 'UploadConfirmationStarted') return event;
  }
  return null;
}

/**
 * The rows of one chunk (0-based), read alone: the chunks are recorded once each, in order, right after the
 * preview, so chunk `c` is the stream's event at revision c + 1; should it not be (a stream written otherwise),
 * the stream is read through to find it.
 */
export async function readUploadChunk(
  store: EventStore,
  uploadId: string,
  chunk: number,
): Promise<UploadRow[]> {
  const streamId = uploadStreamId(uploadId);
  for await (const event of store.readStream(streamId, { fromRevision: BigInt(chunk + 1), maxCount: 1 })) {
    if (isChunk(event, chunk)) return collectUploadRows([event]);
  }
  for await (const event of store.readStream(streamId)) {
    if (isChunk(event, chunk)) return collectUploadRows([event]);
  }
  throw new Error(`upload ${uploadId} has no chunk ${chunk} of rows`);
}

/** The log position of the upload stream's last event (what the read models must reach to show it); -1n for none. */
export async function lastPositionOfUpload(store: EventStore, uploadId: string): Promise<bigint> {
  for await (const event of store.readStream(uploadStreamId(uploadId), {
    direction: 'backwards',
    maxCount: 1,
  })) {
    return event.position;
  }
  return -1n;
}

function isChunk(event: RecordedEvent, chunk: number): boolean {
  return event.type === CHUNK_EVENT && (event.data as { chunk: number }).chunk === chunk;
}
