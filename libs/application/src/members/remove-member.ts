import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { decideOn } from '../decide';
import type { AdminContext, Written } from '../ports';
import { releaseSeats, seatKeysOf } from '../seats/pool-seats';
import { inviteeOfOrganisation, notFound, poolOfOrganisation } from '../tenancy/tenant-streams';

/** Where a member came from: the invitee whose acceptance made them one (the members read model knows). */
export interface MemberLookup {
  member(organisationId: string, poolId: string, memberId: string): Promise<{ inviteeId: string } | null>;
}

/**
 * Takes a member out of a pool: the invitee whose acceptance made them a member records it (MemberRemoved), and
 * their seat in the pool is released, so the person can be invited into the pool again. The passport stays.
 * Another organisation's pool or member answers NOT_FOUND, as a missing one does.
 */
export async function removeMember(
  deps: { store: EventStore; members: MemberLookup },
  context: AdminContext,
  poolId: string,
  memberId: string,
): Promise<Written> {
  await poolOfOrganisation(deps.store, context.organisationId, poolId);
  const member = await deps.members.member(context.organisationId, poolId, memberId);
  if (member === null) throw notFound('member in this pool');
  const invitee = await inviteeOfOrganisation(deps.store, context.organisationId, member.inviteeId);
  if (invitee.poolId !== poolId) throw notFound('member in this pool');
  const written = await decideOn(
    deps.store,
    inviteeStreamId(invitee.inviteeId),
    inviteeDecider,
    { type: 'RemoveMember', now: context.now.toISOString() },
    context,
  );
  await releaseSeats(deps.store, poolId, invitee.inviteeId, seatKeysOf(invitee.person), context);
  return written;
}
