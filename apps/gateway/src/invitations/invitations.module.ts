import { Module } from '@nestjs/common';
import { AcceptPageController } from './accept-page.controller';
import { InvitationAnswers } from './invitation-answers';
import { InvitationPreviews } from './invitation-previews';
import { PublicResolver } from './public.resolver';
import { DeclinePageController } from './decline.controller';
import { DeclineResolver } from './decline.resolver';

/** The invitee's side: the accept page and the public token operations. */
@Module({
  controllers: [AcceptPageController, DeclinePageController],
  providers: [PublicResolver, DeclineResolver, InvitationAnswers, InvitationPreviews],
})
export class InvitationsModule {}
