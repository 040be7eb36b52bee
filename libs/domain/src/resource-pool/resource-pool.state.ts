export type ResourcePoolState =
  | { status: 'absent' }
  | { status: 'created'; poolId: string; organisationId: string; name: string; createdAt: string };
