import {
  acceptabilityOf,
  detailsDifferForInvitee,
  inviteeDecider,
  inviteeStreamId,
  unusableToken,
} from '@invitations/domain';
import { handleCommand, loadStream, type EventStore } from '@invitations/event-store';
import type { CommandContext } from '@invitations/kernel';
import { readInvitationToken } from '@invitations/notifications';
import { RefusedAfterWriting, type Written } from '../ports';
import type { LiveInvitee } from '../tenancy/tenant-streams';
import { passportForNewPerson } from './passport-for-invitee';
import { recordClassification } from './reclassify';

export interface AcceptedInvitation extends Written {
  inviteeId: string;
  poolId: string;
}

/**
 * The invitee accepts with the token from their email or text message. The token is checked first (nothing is
 * written for an unusable one); then a NEW person's passport is created from the staged details, while an
 * EXISTING person joins with their passport as it is; either way they become a member of the pool.
 *
 * A NEW person whose email got a passport meanwhile (they accepted another organisation's invitation first) joins
 * it only when their details match it; otherwise they are refused, with a message that names nothing on record,
 * and the invitee is recorded INVALID with the differing fields for the admin to correct.
 * Accepting twice is harmless. Every unusable token gets the same message, which reveals nothing.
 */
export async function acceptInvitation(
  deps: { store: EventStore },
  base: Omit<CommandContext, 'organisationId' | 'actor'>,
  token: string,
): Promise<AcceptedInvitation> {
  const presented = readInvitationToken(token);
  if (!presented) throw unusableToken();
  const { state } = await loadStream(deps.store, inviteeStreamId(presented.inviteeId), inviteeDecider);
  const now = base.now.toISOString();
  // Refuses an unusable token before anything is written (it throws for an invitee never staged or removed).
  const acceptability = acceptabilityOf(state, presented.tokenHash, now);
  if (acceptability === 'declined-already') throw unusableToken();
  const invitee = state as LiveInvitee;
  if (acceptability === 'accepted-already')
    return { inviteeId: invitee.inviteeId, poolId: invitee.poolId, position: -1n };
  if (invitee.uploadStatus === 'INVALID') throw detailsDifferForInvitee();
  const context: CommandContext = { ...base, organisationId: invitee.organisationId, actor: null };
  let passportId = invitee.passportId;
  if (passportId === null) {
    const joined = await passportForNewPerson(deps.store, invitee, context);
    if (joined.classification.uploadStatus === 'INVALID') {
      const { position } = await recordClassification(deps.store, context, invitee, joined.classification);
      throw new RefusedAfterWriting(detailsDifferForInvitee(), position);
    }
    passportId = joined.passportId;
  }
  const { position } = await handleCommand(
    deps.store,
    inviteeStreamId(invitee.inviteeId),
    inviteeDecider,
    () => ({ type: 'AcceptInvitation' as const, tokenHash: presented.tokenHash, now, passportId }),
    context,
  );
  return { inviteeId: invitee.inviteeId, poolId: invitee.poolId, position };
}
