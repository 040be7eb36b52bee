import { Module } from '@nestjs/common';
import { BulkInvitationsResolver } from './bulk-invitations.resolver';
import { InviteeSearchResolver } from './invitee-search.resolver';
import { InviteesResolver } from './invitees.resolver';

/** People in a batch: check, stage, correct, remove, invite, the bulk actions, the search, history and as-of. */
@Module({ providers: [InviteesResolver, BulkInvitationsResolver, InviteeSearchResolver] })
export class InviteesModule {}
