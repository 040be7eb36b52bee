import { createHash } from 'node:crypto';
import { ServiceError, deriveId, type CommandContext } from '@invitations/kernel';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent } from './event-store.port';
import { toNewEvent } from './handle-command';

/**
 * An `Idempotency-Key` belongs to the first request sent with it. Its claim is an event in a stream of its own,
 * `idempotency-key-<sha256 of scope and key>` (no key, which a client chooses and may fill with anything, in a
 * stream id), holding the operation and a fingerprint of the request (its operation and variables). Kept in the
 * event store rather than beside it: it is as durable as the commands it guards (a restart forgets nothing), every
 * gateway in front of one EventStoreDB sees the same claims, and the append with "no stream" makes two first uses
 * at once agree on one winner. A key costs one small event, once.
 */
export interface IdempotencyClaim {
  /** Whose keys these are: the organisation (a key of another organisation is another key). */
  scope: string;
  key: string;
  /** The operation, named for a person ("createResourcePool", "POST /api/uploads"). */
  operation: string;
  /** A digest of what makes the request this request (operation, variables or query, body's length...). */
  fingerprint: string;
}

export const IDEMPOTENCY_KEY_CLAIMED = 'IdempotencyKeyClaimed';

export interface IdempotencyKeyClaimed {
  type: typeof IDEMPOTENCY_KEY_CLAIMED;
  data: { operation: string; fingerprint: string };
}

export const idempotencyKeyStreamId = (scope: string, key: string): string =>
  `idempotency-key-${createHash('sha256').update(`${scope}\u001f${key}`, 'utf8').digest('hex')}`;

/**
 * Claims the key for this request, or finds it already claimed by the same request (a retry: it goes on, and the
 * command handler answers what it answered the first time). The same key with another request is refused with
 * BAD_USER_INPUT naming the key, before anything runs.
 */
export async function claimIdempotencyKey(
  store: EventStore,
  claim: IdempotencyClaim,
  context: Pick<CommandContext, 'organisationId' | 'actor' | 'correlationId' | 'now'>,
): Promise<void> {
  const streamId = idempotencyKeyStreamId(claim.scope, claim.key);
  const earlier = await firstClaim(store, streamId);
  if (earlier) return compare(earlier, claim);
  const event: IdempotencyKeyClaimed = {
    type: IDEMPOTENCY_KEY_CLAIMED,
    data: { operation: claim.operation, fingerprint: claim.fingerprint },
  };
  const commandId = deriveId('idempotency-key', claim.scope, claim.key, claim.fingerprint);
  try {
    await store.append(streamId, [toNewEvent(event, { ...context, commandId }, streamId, 0)], 'no_stream');
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    // Claimed at the same moment by another request: it won; compare with what it claimed.
    const winner = await firstClaim(store, streamId);
    if (!winner) throw error;
    compare(winner, claim);
  }
}

async function firstClaim(
  store: EventStore,
  streamId: string,
): Promise<IdempotencyKeyClaimed['data'] | null> {
  for await (const event of store.readStream(streamId)) {
    return (event as RecordedEvent<string, IdempotencyKeyClaimed['data']>).data;
  }
  return null;
}

function compare(earlier: IdempotencyKeyClaimed['data'], claim: IdempotencyClaim): void {
  if (earlier.fingerprint === claim.fingerprint) return;
  const what =
    earlier.operation === claim.operation ? `${earlier.operation} with other input` : earlier.operation;
  const message = `was already used for another request (${what}): send a new key with a new request`;
  throw new ServiceError('BAD_USER_INPUT', `Idempotency-Key "${claim.key}" ${message}.`, [
    { field: 'Idempotency-Key', message },
  ]);
}
