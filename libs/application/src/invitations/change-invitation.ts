import { invitationSchedule, inviteeDecider, inviteeStreamId } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { decideOn } from '../decide';
import type { AdminContext, InvitationSettings, Written } from '../ports';
import { batchOfOrganisation, inviteeOfOrganisation, organisationInvitees } from '../tenancy/tenant-streams';
import { termsOfBatch } from './invitation-terms';
import { newInvitation } from './new-invitation';

/**
 * Resends an invitation: a new invitation and token replace the current one, whose token stops working at once;
 * the expiry (and the reminder) start again, on the batch's terms. The admin's message goes out again with it.
 */
export async function resendInvitation(
  deps: { store: EventStore; settings: InvitationSettings },
  context: AdminContext,
  inviteeId: string,
): Promise<Written> {
  const current = await inviteeOfOrganisation(deps.store, context.organisationId, inviteeId);
  const batch = await batchOfOrganisation(deps.store, context.organisationId, current.batchId);
  const terms = await termsOfBatch(deps, batch);
  const now = context.now.toISOString();
  return decideOn(
    deps.store,
    inviteeStreamId(inviteeId),
    inviteeDecider,
    {
      type: 'ResendInvitation',
      ...newInvitation(deps.settings, context.commandId, inviteeId),
      message: current.invitation?.message ?? null,
      now,
      ...invitationSchedule(now, terms),
    },
    context,
  );
}

/** Revokes an invitation: its token stops working. */
export const revokeInvitation = organisationInvitees.command((_: void, now) => ({
  type: 'RevokeInvitation',
  now,
}));
