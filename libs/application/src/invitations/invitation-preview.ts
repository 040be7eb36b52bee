import {
  acceptabilityOf,
  inviteeDecider,
  inviteeStreamId,
  poolStreamId,
  resourcePoolDecider,
  unusableToken,
} from '@invitations/domain';
import type { LiveInvitee } from '../tenancy/tenant-streams';
import { loadStream, type EventStore } from '@invitations/event-store';
import { readInvitationToken } from '@invitations/notifications';
import { organisationOf } from '../organisations/organisation';

const STATE_SHOWN = {
  acceptable: 'INVITED',
  'accepted-already': 'ACCEPTED',
  'declined-already': 'DECLINED',
} as const;

export interface InvitationPreview {
  organisationName: string | null;
  poolName: string;
  firstName: string | null;
  expiresAt: string;
  state: 'INVITED' | 'ACCEPTED' | 'DECLINED';
}

/**
 * What the holder of a token sees before accepting: the pool, their first name, the expiry. Only a token that can
 * still be accepted (or was the one accepted) shows anything; every other token gets the same generic error, which
 * says nothing about the person.
 */
export async function previewInvitation(
  deps: { store: EventStore },
  token: string,
  now: Date,
): Promise<InvitationPreview> {
  const presented = readInvitationToken(token);
  if (!presented) throw unusableToken();
  const { state } = await loadStream(deps.store, inviteeStreamId(presented.inviteeId), inviteeDecider);
  // Throws the generic refusal unless the invitee was invited and the token is the current or the accepted one.
  const acceptability = acceptabilityOf(state, presented.tokenHash, now.toISOString());
  const invitee = state as LiveInvitee;
  const { state: pool } = await loadStream(deps.store, poolStreamId(invitee.poolId), resourcePoolDecider);
  const organisation = await organisationOf(deps.store, invitee.organisationId);
  return {
    organisationName: organisation.name,
    poolName: pool.status === 'absent' ? 'a resource pool' : pool.name,
    firstName: invitee.person.preferredName ?? invitee.person.firstName,
    expiresAt: invitee.invitation!.expiresAt,
    state: STATE_SHOWN[acceptability],
  };
}
