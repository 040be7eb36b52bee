import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { inviteeDecider } from '../../../../libs/invitations/src/invitee/invitee.decider';
import type { PersonDetails } from '../../../../libs/invitations/src/person/person-details';
import type { Classification } from '../../../../libs/invitations/src/person/classification';
import type { PersonInput } from '../../../../libs/invitations/src/person/validate-person';
import { requireNamesForNewPerson } from '../../../../libs/invitations/src/person/names-required';
import { inviteeStreamId } from '../../../../libs/invitations/src/reservation/stream-ids';
import { DomainError } from '../../../../libs/invitations/src/shared/domain-error';
import { handleCommand } from '../../../../libs/shared/src/handle-command';
import { deriveId } from '../../../../libs/shared/src/ids';
import { Consistency } from '../application/consistency';
import { PersonIntake } from '../application/person-input';
import { PoolSeats } from '../application/pool-seats';
import { OrganisationScope } from '../application/scope';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CommandContext, Written } from './command-base';

export class StageInviteeCommand extends Command<Written> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly batchId: string,
    readonly input: PersonInput,
  ) {
    super();
  }
}

export interface StagingRequest {
  batch: { batchId: string; poolId: string; organisationId: string };
  inviteeId: string;
  person: PersonDetails;
  classification: Classification;
  uploadId: string | null;
  context: CommandContext;
}

/**
 * Stages one person into a batch's Uploaded tab: validated, classified against the passports, their seat in the
 * pool reserved (by email and mobile), then the invitee's stream written. Shared with bulk confirmation.
 */
@CommandHandler(StageInviteeCommand)
export class StageInviteeHandler implements ICommandHandler<StageInviteeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scope: OrganisationScope,
    private readonly intake: PersonIntake,
    private readonly seats: PoolSeats,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, batchId, input }: StageInviteeCommand): Promise<Written> {
    const batch = await this.scope.batch(context.organisationId, batchId);
    const person = this.intake.validate(input, context.now);
    const classification = await this.intake.classify(person);
    const missingNames = requireNamesForNewPerson(person, classification);
    if (missingNames.length > 0) {
      throw new DomainError('BAD_USER_INPUT', 'First and last names are required for a person without a passport.', missingNames);
    }
    const inviteeId = deriveId(context.commandId, 'invitee');
    const position = await this.stage({ batch, inviteeId, person, classification, uploadId: null, context });
    await this.consistency.waitFor(position);
    return { id: inviteeId };
  }

  /** Reserves the person's seats in the pool, then writes the invitee; the seats are released if staging fails. */
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
          batch: { batchId: batch.batchId, poolId: batch.poolId, organisationId: batch.organisationId },
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
