import type { Positioned } from '../projection/projection';

/** An invitation batch (`batches`, `_id` = batchId). Its counts come from `invitees`, so they cannot drift. */
export interface BatchDoc extends Positioned {
  organisationId: string;
  poolId: string;
  name: string;
  createdAt: string;
  /** The batch's own invitation terms, in days; null for the organisation's. */
  invitationTtlDays: number | null;
  reminderDaysBeforeExpiry: number | null;
}
