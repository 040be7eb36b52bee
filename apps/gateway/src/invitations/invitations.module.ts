import { Module } from '@nestjs/common';
import { AcceptPageController } from './accept-page.controller';
import { InvitationPreviews } from './invitation-previews';
import { PublicResolver } from './public.resolver';

/** The invitee's side: the accept page and the public token operations. */
@Module({ controllers: [AcceptPageController], providers: [PublicResolver, InvitationPreviews] })
export class InvitationsModule {}
