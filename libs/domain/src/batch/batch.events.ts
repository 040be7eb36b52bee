import type { Event } from '@invitations/kernel';

/** Stream: `batch-<batchId>`. */
export type BatchCreated = Event<
  'BatchCreated',
  {
    batchId: string;
    poolId: string;
    organisationId: string;
    name: string;
    createdAt: string;
    /** The batch's own expiry, in days; null (or absent, before batches had one) for the organisation's. */
    invitationTtlDays?: number | null;
    /** The batch's own reminder, in days before expiry (0: none); null or absent for the organisation's. */
    reminderDaysBeforeExpiry?: number | null;
  }
>;

/** The batch's name and invitation terms as they stand after the change (null: the organisation's). */
export type BatchUpdated = Event<
  'BatchUpdated',
  {
    batchId: string;
    name: string;
    invitationTtlDays: number | null;
    reminderDaysBeforeExpiry: number | null;
    updatedAt: string;
  }
>;

export type BatchEvent = BatchCreated | BatchUpdated;
