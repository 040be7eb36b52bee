import { poolStreamId, resourcePoolDecider } from '@invitations/domain';
import { handleCommand, type EventStore } from '@invitations/event-store';
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
  const { position } = await handleCommand(
    deps.store,
    poolStreamId(poolId),
    resourcePoolDecider,
    () => ({ type: 'RenameResourcePool' as const, name, now: context.now.toISOString() }),
    context,
  );
  return { position };
}
