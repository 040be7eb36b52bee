import { poolStreamId, resourcePoolDecider } from '@invitations/domain';
import { handleCommand, type EventStore } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import type { AdminContext, Written } from '../ports';

/** Creates a resource pool. Its id derives from the command id, so a retried request creates it once. */
export async function createResourcePool(
  deps: { store: EventStore },
  context: AdminContext,
  name: string,
): Promise<Written & { poolId: string }> {
  const poolId = deriveId(context.commandId, 'pool');
  const { position } = await handleCommand(
    deps.store,
    poolStreamId(poolId),
    resourcePoolDecider,
    () => ({
      type: 'CreateResourcePool' as const,
      poolId,
      organisationId: context.organisationId,
      name,
      now: context.now.toISOString(),
    }),
    context,
  );
  return { poolId, position };
}
