import type { Positioned } from '../projection/projection';

/** A resource pool (`pools`, `_id` = poolId). */
export interface PoolDoc extends Positioned {
  organisationId: string;
  name: string;
  createdAt: string;
}

/** A person who accepted into a pool (`members`, `_id` = `memberId(poolId, passportId)`). */
export interface MemberDoc extends Positioned {
  organisationId: string;
  poolId: string;
  passportId: string;
  inviteeId: string;
  joinedAt: string;
}
