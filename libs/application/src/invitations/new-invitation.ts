import { deriveId } from '@invitations/kernel';
import { deriveInvitationToken } from '@invitations/notifications';
import type { InvitationSettings } from '../ports';

/**
 * A new invitation of an invitee, decided by the command `commandId`: its id, derived from the command and the
 * invitee (the same command sends the same invitation however often it is repeated), and the hash of its token.
 * The token derives from the invitation's id under the service's secret, so its hash is recorded with the
 * invitation itself and the link works as soon as it is sent; the notification process manager derives the same
 * token for the message, with nothing more to record.
 */
export function newInvitation(
  settings: Pick<InvitationSettings, 'invitationTokenSecret'>,
  commandId: string,
  inviteeId: string,
): { invitationId: string; tokenHash: string } {
  const invitationId = deriveId(commandId, inviteeId, 'invitation');
  const { tokenHash } = deriveInvitationToken(settings.invitationTokenSecret, inviteeId, invitationId);
  return { invitationId, tokenHash };
}
