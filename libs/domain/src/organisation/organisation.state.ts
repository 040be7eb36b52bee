/** An organisation (the tenant) as admins set it; one that never set anything has every field null. */
export interface OrganisationState {
  organisationId: string | null;
  name: string | null;
  invitationTtlDays: number | null;
  reminderDaysBeforeExpiry: number | null;
}
