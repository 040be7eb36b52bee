import {
  START,
  excludeSystemEvents,
  streamNameFilter,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type RecordedEvent as ClientRecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';

/**
 * Which events of `$all` are this service's. EventStoreDB writes its own events there too (`$`-prefixed types
 * such as `$metadata`, `$statsCollected`, link events `$>`, in `$`-prefixed streams): those are never ours.
 * With `streamPrefixes`, only streams with one of those prefixes count, for a store shared with other services.
 */
export interface EventSelection {
  streamPrefixes?: readonly string[];
}

export function isServiceEvent(streamId: string, type: string, selection: EventSelection = {}): boolean {
  if (type.startsWith('$') || streamId.startsWith('$')) return false;
  const prefixes = selection.streamPrefixes;
  return !prefixes || prefixes.length === 0 || prefixes.some((prefix) => streamId.startsWith(prefix));
}

/** The same selection, done by the server for subscriptions (the 6.x client cannot filter plain $all reads). */
export function subscriptionFilter(selection: EventSelection = {}): Filter {
  const prefixes = selection.streamPrefixes;
  return prefixes && prefixes.length > 0
    ? streamNameFilter({ prefixes: [...prefixes] })
    : excludeSystemEvents();
}

/**
 * The port has one bigint position; EventStoreDB has `{commit, prepare}`. Events appended through gRPC are
 * committed one by one (implicit transactions), so each has its own commit position, equal to its prepare
 * position, and commit positions grow strictly in log order: the commit position alone identifies the event.
 * To read from a bare port position we rebuild the pair with both halves set to it, which is the event's own
 * position. (Events of legacy explicit transactions share one commit position: not written by this service.)
 */
export function toReadPosition(after: bigint | undefined): ReadPosition {
  return after === undefined || after < 0n ? START : { commit: after, prepare: after };
}

export function fromClientPosition(position: Position): bigint {
  return position.commit;
}

/** The client's event payload: JSON, with the id passed through so a re-append is recognised as the same event. */
export function toEventData(event: NewEvent): EventData {
  const metadata: Record<string, unknown> = { ...event.metadata };
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // The client encodes JSON data itself: data encoded ahead is handed to it decoded.
    data: event.encodedData ? decodeAhead(event.encodedData, event.type) : asJson(event.data, event.type),
    metadata,
  };
}

/**
 * Our event back from the client's. `position` comes with the event on reads of $all, and on stream reads
 * from EventStoreDB 22.6 on; `fallbackPosition` is the resolved event's commit position when the server sent one.
 */
export function toRecordedEvent(event: ClientRecordedEvent, fallbackPosition?: bigint): RecordedEvent {
  const position = event.position ? fromClientPosition(event.position) : fallbackPosition;
  if (position === undefined) {
    throw new Error(
      `EventStoreDB sent no position for event ${event.id} of stream ${event.streamId} (positions on stream reads need EventStoreDB 22.6 or later)`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position,
    data: decodeJson(event.data, event),
    metadata: decodeJson(event.metadata, event) as EventMetadata,
  };
}

function asJson(data: unknown, type: string): JSONType {
  if (typeof data === 'string' || (typeof data === 'object' && data !== null)) return data as JSONType;
  throw new TypeError(
    `Event ${type}: data must be a JSON object, array or string (got ${data === null ? 'null' : typeof data})`,
  );
}

function decodeAhead(bytes: Uint8Array, type: string): JSONType {
  return asJson(
    JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')),
    type,
  );
}

/** JSON events arrive parsed; an event written as bytes by another writer is parsed here, or refused. */
function decodeJson(value: unknown, event: ClientRecordedEvent): unknown {
  if (!(value instanceof Uint8Array)) return value;
  if (value.byteLength === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(value).toString('utf8'));
  } catch {
    throw new Error(`Event ${event.id} of stream ${event.streamId} is not JSON: not written by this service`);
  }
}
