import type { EventStore } from '@invitations/event-store';
import type { AdminContext, Written } from '../ports';
import { releaseSeats, seatKeysOf } from '../seats/pool-seats';
import { organisationInvitees } from '../tenancy/tenant-streams';

/** Removes a person from a batch and frees their seat in the pool, so that they can be staged again. */
export async function removeInvitee(
  deps: { store: EventStore },
  context: AdminContext,
  inviteeId: string,
): Promise<Written> {
  const removed = await organisationInvitees.decide(deps.store, context, inviteeId, {
    type: 'RemoveInvitee',
  });
  const { poolId, person } = removed.before;
  await releaseSeats(deps.store, poolId, inviteeId, seatKeysOf(person), context);
  return removed.written;
}
