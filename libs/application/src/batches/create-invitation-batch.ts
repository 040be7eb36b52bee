import { batchDecider, batchStreamId, poolStreamId, resourcePoolDecider } from '@invitations/domain';
import { handleCommand, loadStream, type EventStore } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import type { AdminContext, Written } from '../ports';

/**
 * Creates an invitation batch in a pool. The decider refuses a pool that is missing or another organisation's
 * alike (NOT_FOUND), so existence does not leak.
 */
export async function createInvitationBatch(
  deps: { store: EventStore },
  context: AdminContext,
  poolId: string,
  name: string,
  terms: { invitationTtlDays?: number | null; reminderDaysBeforeExpiry?: number | null } = {},
): Promise<Written & { batchId: string }> {
  const batchId = deriveId(context.commandId, 'batch');
  const { state: pool } = await loadStream(deps.store, poolStreamId(poolId), resourcePoolDecider);
  const { position } = await handleCommand(
    deps.store,
    batchStreamId(batchId),
    batchDecider,
    () => ({
      type: 'CreateBatch' as const,
      batchId,
      pool: pool.status === 'absent' ? null : { poolId: pool.poolId, organisationId: pool.organisationId },
      organisationId: context.organisationId,
      name,
      now: context.now.toISOString(),
      invitationTtlDays: terms.invitationTtlDays ?? null,
      reminderDaysBeforeExpiry: terms.reminderDaysBeforeExpiry ?? null,
    }),
    context,
  );
  return { batchId, position };
}
