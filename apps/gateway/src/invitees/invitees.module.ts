import { Module } from '@nestjs/common';
import { CorrectInviteeHandler, RemoveInviteeHandler, StageInviteeHandler } from './invitee.commands';
import { InviteesResolver } from './invitees.resolver';

/** People in a batch: check, stage, correct, remove, their history and as-of. */
@Module({ providers: [InviteesResolver, StageInviteeHandler, CorrectInviteeHandler, RemoveInviteeHandler] })
export class InviteesModule {}
