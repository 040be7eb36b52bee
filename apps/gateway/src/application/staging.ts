import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import type { Classification } from '@invitations/domain';
import type { PersonDetails } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import type { CommandContext } from '@invitations/kernel';
import { handleCommand } from '@invitations/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { PoolSeats } from './pool-seats';

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
 * invitee's stream is written; the seats are released again if staging fails. Used for one person and for
 * every row of a confirmed upload. Retrying with the same command id and invitee id changes nothing.
 */
@Injectable()
export class Staging {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly seats: PoolSeats,
  ) {}

  /** Answers the log position the read models must reach to show the person. */
  async stage(request: StagingRequest): Promise<bigint> {
    const { batch, inviteeId, person, context } = request;
    const seats = PoolSeats.keysOf(person);
    await this.seats.reserveAll(batch.poolId, inviteeId, seats, context);
    try {
      const { position } = await handleCommand(
        this.store,
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
      await this.seats.releaseAll(batch.poolId, inviteeId, seats, context);
      throw error;
    }
  }
}
