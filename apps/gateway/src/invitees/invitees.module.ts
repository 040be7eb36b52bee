import { Module } from '@nestjs/common';
import { InviteesResolver } from './invitees.resolver';

/** People in a batch: check, stage, correct, remove, invite, their history and as-of. */
@Module({ providers: [InviteesResolver] })
export class InviteesModule {}
