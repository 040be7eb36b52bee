import type { RecordedEvent } from '@invitations/event-store';
import type { BulkOperation, IndexSpec } from '@invitations/read-store';
import type { Event } from '@invitations/kernel';

/** The read models, each built by the projection of the same name into the collection of the same name. */
export type ProjectionName = 'invitees' | 'batches' | 'pools' | 'members' | 'passports';

/** One write of a projection: a bulk operation on one of its collections (by logical name). */
export interface ProjectionWrite {
  collection: ProjectionName;
  operation: BulkOperation;
}

/**
 * A projection: a pure mapping from one event to the writes that apply it. The same writes serve
 * the embedded store and MongoDB. Every write is guarded by the document's `_pos`, so applying an
 * event twice, or an older event after a newer one, changes nothing (delivery is at-least-once).
 */
export interface Projection {
  readonly name: ProjectionName;
  readonly indexes: readonly IndexSpec[];
  project(event: RecordedEvent): ProjectionWrite[];
}

/** A domain event as recorded: narrows on `type` like the domain's own union. */
export type Recorded<E extends Event> = E extends Event ? RecordedEvent<E['type'], E['data']> : never;

/**
 * A position as a fixed-width decimal string. Stores compare it correctly as a string (20 digits
 * hold any unsigned 64-bit position), where a bigint would not survive every store and a number
 * would lose precision past 2^53.
 */
export function positionKey(position: bigint): string {
  const digits = position.toString();
  // join builds one flat string; padStart builds a rope of two, kept in every document of the read models.
  return [ZEROS.slice(digits.length), digits].join('');
}

const ZEROS = '0'.repeat(20);

/**
 * Inserts a document created by the first event of its life, unless it exists: an existing
 * document already carries this event or a later one. `$setOnInsert` on an `_id` filter makes that
 * a no-op rather than a duplicate-key error, which would abort the rest of an ordered bulk write.
 */
export function insertOnce(
  collection: ProjectionName,
  id: string,
  position: bigint,
  fields: object,
): ProjectionWrite {
  return {
    collection,
    operation: {
      updateOne: {
        filter: { _id: id },
        update: { $setOnInsert: { ...fields, _pos: positionKey(position) } },
        upsert: true,
      },
    },
  };
}

/** Sets fields on the document unless it is absent or already carries this event or a later one. */
export function updateIfOlder(
  collection: ProjectionName,
  id: string,
  position: bigint,
  fields: object,
): ProjectionWrite {
  const pos = positionKey(position);
  return {
    collection,
    operation: {
      updateOne: { filter: { _id: id, _pos: { $lt: pos } }, update: { $set: { ...fields, _pos: pos } } },
    },
  };
}

/** Deletes the document unless it carries a later event than this one. */
export function deleteIfOlder(collection: ProjectionName, id: string, position: bigint): ProjectionWrite {
  return {
    collection,
    operation: { deleteOne: { filter: { _id: id, _pos: { $lt: positionKey(position) } } } },
  };
}

/** When the entity was created: the event's own instant when it carries one, else when it was recorded. */
export function createdAt(event: RecordedEvent): string {
  const data = event.data as { createdAt?: unknown };
  return typeof data.createdAt === 'string' ? data.createdAt : event.metadata.timestamp;
}
