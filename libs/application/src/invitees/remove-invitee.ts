import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { decideOn } from '../decide';
import type { AdminContext, Written } from '../ports';
import { releaseSeats, seatKeysOf } from '../seats/pool-seats';
import { inviteeOfOrganisation } from '../tenancy/tenant-streams';

/** Removes a person from a batch and frees their seat in the pool, so that they can be staged again. */
export async function removeInvitee(
  deps: { store: EventStore },
  context: AdminContext,
  inviteeId: string,
): Promise<Written> {
  const current = await inviteeOfOrganisation(deps.store, context.organisationId, inviteeId);
  const written = await decideOn(
    deps.store,
    inviteeStreamId(inviteeId),
    inviteeDecider,
    { type: 'RemoveInvitee' },
    context,
  );
  await releaseSeats(deps.store, current.poolId, inviteeId, seatKeysOf(current.person), context);
  return written;
}
