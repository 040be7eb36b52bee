/** Sets the organisation's display name and invitation defaults: a field left undefined keeps its value. */
export interface UpdateOrganisation {
  type: 'UpdateOrganisation';
  organisationId: string;
  name?: string | null;
  invitationTtlDays?: number | null;
  /** 0 for no reminders. */
  reminderDaysBeforeExpiry?: number | null;
  now: string;
}

export type OrganisationCommand = UpdateOrganisation;
