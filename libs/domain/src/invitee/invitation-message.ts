/** The longest personal message an admin may add to an invitation, in characters. */
export const MAX_INVITATION_MESSAGE_LENGTH = 2000;

/**
 * The admin's optional message that goes out with an invitation (email and text). Refused when too long, naming
 * the field; checked once for a whole request before anyone is invited, and by each invitation it goes out with.
 */
export function requireInvitationMessage(message: string | null): string | null {
  if (message !== null && message.length > MAX_INVITATION_MESSAGE_LENGTH) {
    throw new ServiceError(
      'BAD_USER_INPUT',
      `The message must be at most ${MAX_INVITATION_MESSAGE_LENGTH} characters long.`,
      [{ field: 'message', message: `must be at most ${MAX_INVITATION_MESSAGE_LENGTH} characters` }],
    );
  }
  return message;
}
import { ServiceError } from '@invitations/kernel';
