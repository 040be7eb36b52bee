import { organisationBatches } from '../tenancy/tenant-streams';

/** What an admin changes of a batch: a field left out keeps its value. */
export interface BatchChanges {
  name?: string | null;
  invitationTtlDays?: number | null;
  reminderDaysBeforeExpiry?: number | null;
}

/**
 * Renames a batch, or gives it its own expiry and reminder terms (for the invitations it sends from now on).
 * Another organisation's batch answers NOT_FOUND.
 */
export const updateInvitationBatch = organisationBatches.command((changes: BatchChanges, now) => ({
  type: 'UpdateBatch',
  ...changes,
  now,
}));
