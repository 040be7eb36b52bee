import {
  inviteeDecider,
  inviteeStreamId,
  type Classification,
  type PersonDetails,
} from '@invitations/domain';
import { handleCommand, type EventStore } from '@invitations/event-store';
import type { CommandContext } from '@invitations/kernel';
import { releaseSeats, reserveSeats, seatKeysOf } from '../seats/pool-seats';

export interface StagingRequest {
  batch: { batchId: string; poolId: string; organisationId: string };
  inviteeId: string;
  person: PersonDetails;
  classification: Classification;
  uploadId: string | null;
  context: CommandContext;
}

/**
 * Stages one person into a batch: their seat in the pool is reserved (by email and mobile) first, then the
 * invitee's stream is written; the seats are released again if staging fails. Used for one person and for every
 * row of a confirmed upload. Retrying with the same command id and invitee id changes nothing. Answers the log
 * position the read models must reach to show the person.
 */
export async function stagePerson(store: EventStore, request: StagingRequest): Promise<bigint> {
  const { batch, inviteeId, person, context } = request;
  const seats = seatKeysOf(person);
  await reserveSeats(store, batch.poolId, inviteeId, seats, context);
  try {
    const { position } = await handleCommand(
      store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({
        type: 'StageInvitee' as const,
        inviteeId,
        batch,
        person,
        classification: request.classification,
        uploadId: request.uploadId,
        now: context.now.toISOString(),
      }),
      context,
    );
    return position;
  } catch (error) {
    await releaseSeats(store, batch.poolId, inviteeId, seats, context);
    throw error;
  }
}
