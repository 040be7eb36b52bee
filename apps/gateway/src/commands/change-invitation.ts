import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import type { ServiceConfig } from '@invitations/runtime';
import { handleCommand } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { Consistency } from '../application/consistency';
import { OrganisationScope } from '../application/scope';
import { EVENT_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import type { CommandContext, Written } from './command-base';

export class ResendInvitationCommand extends Command<Written> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly inviteeId: string,
  ) {
    super();
  }
}

export class RevokeInvitationCommand extends Command<Written> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly inviteeId: string,
  ) {
    super();
  }
}

/** Resends an invitation: a new invitation and token replace the current one, whose token stops working at once. */
@CommandHandler(ResendInvitationCommand)
export class ResendInvitationHandler implements ICommandHandler<ResendInvitationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly scope: OrganisationScope,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, inviteeId }: ResendInvitationCommand): Promise<Written> {
    const current = await this.scope.invitee(context.organisationId, inviteeId);
    const expiresAt = new Date(context.now.getTime() + this.config.invitationTtlDays * 86_400_000);
    const { position } = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({
        type: 'ResendInvitation' as const,
        invitationId: deriveId(context.commandId, inviteeId, 'invitation'),
        message: current.invitation?.message ?? null,
        now: context.now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      }),
      context,
    );
    await this.consistency.waitFor(position);
    return { id: inviteeId };
  }
}

/** Revokes an invitation: its token stops working. */
@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scope: OrganisationScope,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, inviteeId }: RevokeInvitationCommand): Promise<Written> {
    await this.scope.invitee(context.organisationId, inviteeId);
    const { position } = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'RevokeInvitation' as const, now: context.now.toISOString() }),
      context,
    );
    await this.consistency.waitFor(position);
    return { id: inviteeId };
  }
}
