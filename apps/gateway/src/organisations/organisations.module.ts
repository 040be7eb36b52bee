import { Module } from '@nestjs/common';
import { OrganisationResolver } from './organisation.resolver';

/** The admin's organisation: its display name (shown to invitees) and invitation defaults. */
@Module({ providers: [OrganisationResolver] })
export class OrganisationsModule {}
