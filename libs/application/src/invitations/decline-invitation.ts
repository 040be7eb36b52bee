import { acceptabilityOf, inviteeDecider, inviteeStreamId, unusableToken } from '@invitations/domain';
import { handleCommand, loadStream, type EventStore } from '@invitations/event-store';
import type { CommandContext } from '@invitations/kernel';
import { readInvitationToken } from '@invitations/notifications';
import type { Written } from '../ports';
import type { LiveInvitee } from '../tenancy/tenant-streams';
import type { AcceptedInvitation } from './accept-invitation';

/**
 * The invitee declines with the token from their email or text message (the accept page's Decline button): the
 * token stops working. Declining twice is harmless; any unusable token gets the one generic message, and nothing
 * is written for it.
 */
export async function declineInvitation(
  deps: { store: EventStore },
  base: Omit<CommandContext, 'organisationId' | 'actor'>,
  token: string,
): Promise<AcceptedInvitation & Written> {
  const presented = readInvitationToken(token);
  if (!presented) throw unusableToken();
  const { state } = await loadStream(deps.store, inviteeStreamId(presented.inviteeId), inviteeDecider);
  const now = base.now.toISOString();
  const acceptability = acceptabilityOf(state, presented.tokenHash, now);
  const invitee = state as LiveInvitee;
  if (acceptability === 'declined-already')
    return { inviteeId: invitee.inviteeId, poolId: invitee.poolId, position: -1n };
  const context: CommandContext = { ...base, organisationId: invitee.organisationId, actor: null };
  const { position } = await handleCommand(
    deps.store,
    inviteeStreamId(invitee.inviteeId),
    inviteeDecider,
    () => ({ type: 'DeclineInvitation' as const, tokenHash: presented.tokenHash, now }),
    context,
  );
  return { inviteeId: invitee.inviteeId, poolId: invitee.poolId, position };
}
