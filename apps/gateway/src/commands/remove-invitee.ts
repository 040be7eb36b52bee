import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { Consistency } from '../application/consistency';
import { PoolSeats } from '../application/pool-seats';
import { OrganisationScope } from '../application/scope';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CommandContext } from './command-base';

export class RemoveInviteeCommand extends Command<boolean> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly inviteeId: string,
  ) {
    super();
  }
}

/** Removes a person from a batch and frees their seat in the pool, so that they can be staged again. */
@CommandHandler(RemoveInviteeCommand)
export class RemoveInviteeHandler implements ICommandHandler<RemoveInviteeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scope: OrganisationScope,
    private readonly seats: PoolSeats,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, inviteeId }: RemoveInviteeCommand): Promise<boolean> {
    const current = await this.scope.invitee(context.organisationId, inviteeId);
    const { position } = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'RemoveInvitee' as const }),
      context,
    );
    await this.seats.releaseAll(current.poolId, inviteeId, PoolSeats.keysOf(current.person), context);
    await this.consistency.waitFor(position);
    return true;
  }
}
