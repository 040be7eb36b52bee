import { poolStreamId, resourcePoolDecider } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { decideOn } from '../decide';
import type { AdminContext, Written } from '../ports';
import { poolOfOrganisation } from '../tenancy/tenant-streams';

/** Renames a pool of the organisation (another organisation's answers NOT_FOUND). */
export async function updateResourcePool(
  deps: { store: EventStore },
  context: AdminContext,
  poolId: string,
  name: string,
): Promise<Written> {
  await poolOfOrganisation(deps.store, context.organisationId, poolId);
  return decideOn(
    deps.store,
    poolStreamId(poolId),
    resourcePoolDecider,
    { type: 'RenameResourcePool', name, now: context.now.toISOString() },
    context,
  );
}
