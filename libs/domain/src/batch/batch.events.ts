import type { Event } from '@invitations/kernel';

/** Stream: `batch-<batchId>`. */
export type BatchCreated = Event<
  'BatchCreated',
  { batchId: string; poolId: string; organisationId: string; name: string; createdAt: string }
>;

export type BatchEvent = BatchCreated;
