import type { Event } from '@invitations/kernel';

/**
 * Stream: `organisation-<organisationId>`. The organisation's display name and invitation defaults as they stand
 * after the change (null: not set, the service's default applies).
 */
export type OrganisationUpdated = Event<
  'OrganisationUpdated',
  {
    organisationId: string;
    name: string | null;
    invitationTtlDays: number | null;
    reminderDaysBeforeExpiry: number | null;
    updatedAt: string;
  }
>;

export type OrganisationEvent = OrganisationUpdated;
