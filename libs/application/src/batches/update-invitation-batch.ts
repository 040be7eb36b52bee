import { batchDecider, batchStreamId } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { decideOn } from '../decide';
import type { AdminContext, Written } from '../ports';
import { batchOfOrganisation } from '../tenancy/tenant-streams';

/** What an admin changes of a batch: a field left out keeps its value. */
export interface BatchChanges {
  name?: string | null;
  invitationTtlDays?: number | null;
  reminderDaysBeforeExpiry?: number | null;
}

/**
 * Renames a batch, or gives it its own expiry and reminder terms (for the invitations it sends from now on).
 * Another organisation's batch answers NOT_FOUND.
 */
export async function updateInvitationBatch(
  deps: { store: EventStore },
  context: AdminContext,
  batchId: string,
  changes: BatchChanges,
): Promise<Written> {
  await batchOfOrganisation(deps.store, context.organisationId, batchId);
  return decideOn(
    deps.store,
    batchStreamId(batchId),
    batchDecider,
    { type: 'UpdateBatch', ...changes, now: context.now.toISOString() },
    context,
  );
}
