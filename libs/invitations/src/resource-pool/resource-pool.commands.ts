export interface CreateResourcePool {
  type: 'CreateResourcePool';
  poolId: string;
  organisationId: string;
  name: string;
}

export type ResourcePoolCommand = CreateResourcePool;
