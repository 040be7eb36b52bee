import { Module } from '@nestjs/common';
import { AcceptPageController } from './accept-page.controller';
import {
  AcceptInvitationHandler,
  ResendInvitationHandler,
  RevokeInvitationHandler,
  SendInvitationsHandler,
} from './invitation.commands';
import { InvitationPreviews } from './invitation-previews';
import { PublicResolver } from './public.resolver';

/** Invitations: send, resend, revoke; the invitee's accept page and the public token operations. */
@Module({
  controllers: [AcceptPageController],
  providers: [
    PublicResolver,
    InvitationPreviews,
    SendInvitationsHandler,
    ResendInvitationHandler,
    RevokeInvitationHandler,
    AcceptInvitationHandler,
  ],
})
export class InvitationsModule {}
