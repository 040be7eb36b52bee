import type { Positioned } from './projection';

/** One document as a batch of events left it: written, or deleted (null), by the event at `position`. */
export interface DocumentChange<D extends Positioned = Positioned> {
  id: string;
  document: D | null;
  /** The position of the last event applied (the document's `_pos`, or the deleting event's). */
  position: string;
}

/**
 * How the projection runner reaches a projection's documents, in one adapter: it loads the documents a batch of
 * events touches in one call, and writes what the batch changed in one call.
 */
export interface DocumentStore<D extends Positioned = Positioned> {
  /** The documents of these ids that exist. */
  load(ids: readonly string[]): Promise<ReadonlyMap<string, D>>;
  /**
   * Applies each change unless its document already carries that position or a later one (another writer, a
   * rebuild's tail or a runner, got there first): a redelivered or stale change is a no-op.
   */
  write(changes: readonly DocumentChange<D>[]): Promise<void>;
  /** Every document, by id: for comparing read models built two ways (tests, checks after a rebuild). */
  all(): Promise<D[]>;
}
