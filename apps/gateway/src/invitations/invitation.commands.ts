import { Command, CommandHandler } from '@nestjs/cqrs';
import {
  acceptInvitation,
  resendInvitation,
  revokeInvitation,
  sendInvitations,
  type AcceptedInvitation,
  type AdminContext,
  type SendInvitationsOutcome,
  type SendInvitationsRequest,
  type Written,
} from '@invitations/application';
import type { CommandContext } from '@invitations/kernel';
import { WritingHandler } from '../common/writing-handler';

export class SendInvitationsCommand extends Command<SendInvitationsOutcome> {
  constructor(
    readonly context: AdminContext,
    readonly request: SendInvitationsRequest,
  ) {
    super();
  }
}

@CommandHandler(SendInvitationsCommand)
export class SendInvitationsHandler extends WritingHandler<SendInvitationsCommand, SendInvitationsOutcome> {
  protected write({ context, request }: SendInvitationsCommand) {
    return sendInvitations(this.ports, context, request);
  }
}

export class ResendInvitationCommand extends Command<Written> {
  constructor(
    readonly context: AdminContext,
    readonly inviteeId: string,
  ) {
    super();
  }
}

@CommandHandler(ResendInvitationCommand)
export class ResendInvitationHandler extends WritingHandler<ResendInvitationCommand, Written> {
  protected write({ context, inviteeId }: ResendInvitationCommand) {
    return resendInvitation(this.ports, context, inviteeId);
  }
}

export class RevokeInvitationCommand extends Command<Written> {
  constructor(
    readonly context: AdminContext,
    readonly inviteeId: string,
  ) {
    super();
  }
}

@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler extends WritingHandler<RevokeInvitationCommand, Written> {
  protected write({ context, inviteeId }: RevokeInvitationCommand) {
    return revokeInvitation(this.ports, context, inviteeId);
  }
}

export class AcceptInvitationCommand extends Command<AcceptedInvitation> {
  constructor(
    readonly context: Omit<CommandContext, 'organisationId' | 'actor'>,
    readonly token: string,
  ) {
    super();
  }
}

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler extends WritingHandler<AcceptInvitationCommand, AcceptedInvitation> {
  protected write({ context, token }: AcceptInvitationCommand) {
    return acceptInvitation(this.ports, context, token);
  }
}
