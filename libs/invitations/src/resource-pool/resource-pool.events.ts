import type { Event } from '../shared/decider';

/** Stream: `pool-<poolId>`. */
export type ResourcePoolCreated = Event<
  'ResourcePoolCreated',
  { poolId: string; organisationId: string; name: string; createdAt: string }
>;

export type ResourcePoolEvent = ResourcePoolCreated;
