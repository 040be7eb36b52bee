import type { MemberDoc, PoolDoc } from './pool.document';

/** The pools and members read model's queries (two projections: `pools` and `members`), within an organisation. */
export interface Pools {
  byId(organisationId: string, poolId: string): Promise<PoolDoc | null>;
  /** The organisation's pools, oldest first (then by id). */
  ofOrganisation(organisationId: string): Promise<PoolDoc[]>;
  memberCount(organisationId: string, poolId: string): Promise<number>;
  /** The membership of that id in the pool, within the organisation; null when there is none. */
  member(organisationId: string, poolId: string, memberId: string): Promise<MemberDoc | null>;
  /** Whether the passport's holder is a member of a pool of the organisation other than this one. */
  isMemberOfAnotherPool(organisationId: string, passportId: string, poolId: string): Promise<boolean>;
}
