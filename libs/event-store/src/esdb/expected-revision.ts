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

/**
 * The port's expected revisions and the client's happen to be spelled alike today; mapping them explicitly keeps
 * the adapter honest if either side changes, and the compiler checks every case.
 */
export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case ANY:
      return CLIENT_ANY;
    case NO_STREAM:
      return CLIENT_NO_STREAM;
    case STREAM_EXISTS:
      return CLIENT_STREAM_EXISTS;
    default:
      return expected;
  }
}

export function fromClientExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  switch (expected) {
    case CLIENT_ANY:
      return ANY;
    case CLIENT_NO_STREAM:
      return NO_STREAM;
    case CLIENT_STREAM_EXISTS:
      return STREAM_EXISTS;
    default:
      return expected;
  }
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
