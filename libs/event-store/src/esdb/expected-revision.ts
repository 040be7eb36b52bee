import {
  ANY as CLIENT_ANY,
  NO_STREAM as CLIENT_NO_STREAM,
  STREAM_EXISTS as CLIENT_STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type CurrentRevision,
} from '@eventstore/db-client';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '../event-store.port';

/** The expected revisions that name a condition rather than a revision. */
type Named<Expected> = Exclude<Expected, bigint>;

/**
 * The port's named expected revisions and the client's happen to be spelled alike today; mapping them explicitly
 * keeps the adapter honest if either side changes, and the compiler checks that every one is mapped, both ways.
 */
const TO_CLIENT: Record<Named<ExpectedRevision>, Named<AppendExpectedRevision>> = {
  [ANY]: CLIENT_ANY,
  [NO_STREAM]: CLIENT_NO_STREAM,
  [STREAM_EXISTS]: CLIENT_STREAM_EXISTS,
};
const FROM_CLIENT: Record<Named<AppendExpectedRevision>, Named<ExpectedRevision>> = {
  [CLIENT_ANY]: ANY,
  [CLIENT_NO_STREAM]: NO_STREAM,
  [CLIENT_STREAM_EXISTS]: STREAM_EXISTS,
};

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  return typeof expected === 'bigint' ? expected : TO_CLIENT[expected];
}

export function fromClientExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  return typeof expected === 'bigint' ? expected : FROM_CLIENT[expected];
}

/** The client says `no_stream` where the port says `null`. */
export function fromClientCurrentRevision(current: CurrentRevision | undefined): bigint | null {
  return typeof current === 'bigint' ? current : null;
}

/**
 * Turns the client's WrongExpectedVersionError into the port's error, with the stream's actual revision;
 * anything else is returned as it is. `expected` is what our caller asked for: with a chunked append the
 * server saw a later chunk's exact revision, which would mislead the caller.
 */
export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  return new WrongExpectedRevisionError(streamId, expected, fromClientCurrentRevision(error.actualVersion));
}

/** Whether a stream at `actual` (null: no stream) satisfies `expected`, for the appends we check ourselves. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, actual: bigint | null): boolean {
  switch (expected) {
    case ANY:
      return true;
    case NO_STREAM:
      return actual === null;
    case STREAM_EXISTS:
      return actual !== null;
    default:
      return actual === expected;
  }
}
