import type { Event } from '@invitations/kernel';

/** Stream: `pool-<poolId>`. */
export type ResourcePoolCreated = Event<
  'ResourcePoolCreated',
  { poolId: string; organisationId: string; name: string; createdAt: string }
>;

export type ResourcePoolEvent = ResourcePoolCreated;
