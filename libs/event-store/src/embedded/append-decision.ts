import type { ExpectedRevision } from '../event-store.port';

/** What to do with one append, given the stream as it stands. */
export type AppendDecision =
  | { kind: 'write' }
  /** Every event is already the event at consecutive revisions of the stream: succeed, write nothing. */
  | { kind: 'already-written'; lastRevision: number }
  | { kind: 'conflict' };

/**
 * Decides an append, as EventStoreDB does.
 *
 * @param current the stream's last revision, or null when it has no events
 * @param foundRevisions for each event to append, the revision of the event with the same id in this stream,
 *   or undefined when the stream has no such event
 *
 * Re-appending the same events is idempotent whatever the expected revision says; appending events of which
 * only some are already there is a conflict. Otherwise the expected revision decides.
 */
export function decideAppend(
  expected: ExpectedRevision,
  current: number | null,
  foundRevisions: readonly (number | undefined)[],
): AppendDecision {
  const found = foundRevisions.filter((revision) => revision !== undefined).length;
  if (found === 0) return matchesExpected(expected, current) ? { kind: 'write' } : { kind: 'conflict' };
  if (found === foundRevisions.length && areConsecutive(foundRevisions as readonly number[])) {
    return { kind: 'already-written', lastRevision: foundRevisions[foundRevisions.length - 1] as number };
  }
  return { kind: 'conflict' };
}

export function matchesExpected(expected: ExpectedRevision, current: number | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === null;
    case 'stream_exists':
      return current !== null;
    default:
      return current !== null && BigInt(current) === expected;
  }
}

function areConsecutive(revisions: readonly number[]): boolean {
  return revisions.every((revision, i) => revision === revisions[0] + i);
}
