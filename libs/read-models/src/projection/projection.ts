import type { RecordedEvent } from '@invitations/event-store';
import type { Event } from '@invitations/kernel';

/**
 * The projections, each building the documents of the same name: `pools` and `members` are two projections of
 * one read model (pools and their members), each with its own documents and checkpoint.
 */
export type ProjectionName = 'invitees' | 'batches' | 'pools' | 'members' | 'passports' | 'uploads' | 'audit';

/** What every read-model document carries. */
export interface Positioned {
  readonly _id: string;
  /**
   * The global position of the last event applied to the document, as `positionKey` writes it: an event at or
   * before it is one the document has seen (delivery is at-least-once), and changes nothing.
   */
  readonly _pos: string;
}

/**
 * A projection, as in Emmett: which events it handles, which documents each one changes, and how it changes them.
 * Pure: the runner loads the documents, folds the events over them and writes what changed.
 */
export interface Projection<D extends Positioned = Positioned> {
  readonly name: ProjectionName;
  /** The event types it handles; any other event changes none of its documents. */
  readonly handles: ReadonlySet<string>;
  /** The ids of the documents an event it handles changes. */
  documentIds(event: RecordedEvent): readonly string[];
  /**
   * The document after the event: a new object (its `_pos` the event's), null when the event deletes it or
   * leaves it absent, or the very same object when the event changes nothing.
   */
  evolve(document: D | null, event: RecordedEvent): D | null;
  /**
   * True when each event makes at most one document, its own, which no later event changes (the audit's entries):
   * the runner then folds each event from null without loading anything first, and a document already written (an
   * event delivered again) is kept as it is by the stores' position guard.
   */
  readonly appendOnly?: boolean;
}

/** A domain event as recorded: narrows on `type` like the domain's own union. */
export type Recorded<E extends Event> = E extends Event ? RecordedEvent<E['type'], E['data']> : never;

/**
 * A position as a fixed-width decimal string. Stores compare it correctly as a string (20 digits
 * hold any unsigned 64-bit position), where a bigint would not survive every store and a number
 * would lose precision past 2^53.
 */
export function positionKey(position: bigint): string {
  // The runner and the projection ask for the same event's key in turn: the last one is kept for the second.
  if (position === lastPosition) return lastKey;
  const digits = position.toString();
  // join builds one flat string; padStart builds a rope of two, kept in every document of the read models.
  lastKey = [ZEROS.slice(digits.length), digits].join('');
  lastPosition = position;
  return lastKey;
}

const ZEROS = '0'.repeat(20);
let lastPosition = -1n;
let lastKey = '';

/** When the entity was created: the event's own instant when it carries one, else when it was recorded. */
export function createdAt(event: RecordedEvent): string {
  const data = event.data as { createdAt?: unknown };
  return typeof data.createdAt === 'string' ? data.createdAt : event.metadata.timestamp;
}
