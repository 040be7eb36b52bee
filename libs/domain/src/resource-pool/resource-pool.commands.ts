export interface CreateResourcePool {
  type: 'CreateResourcePool';
  poolId: string;
  organisationId: string;
  name: string;
  /** ISO-8601 instant, UTC: when the pool is created (time comes in commands; the domain has no clock). */
  now: string;
}

export interface RenameResourcePool {
  type: 'RenameResourcePool';
  name: string;
  now: string;
}

export type ResourcePoolCommand = CreateResourcePool | RenameResourcePool;
