import type { Event } from '@invitations/kernel';

/** Stream: `pool-<poolId>`. */
export type ResourcePoolCreated = Event<
  'ResourcePoolCreated',
  { poolId: string; organisationId: string; name: string; createdAt: string }
>;

/** The pool's new name (batches and invitees keep pointing at the pool by id). */
export type ResourcePoolRenamed = Event<
  'ResourcePoolRenamed',
  { poolId: string; name: string; renamedAt: string }
>;

export type ResourcePoolEvent = ResourcePoolCreated | ResourcePoolRenamed;
