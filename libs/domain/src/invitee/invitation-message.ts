import { ServiceError } from '@invitations/kernel';
import { requireFreeText } from '../shared/free-text';

/** The longest personal message an admin may add to an invitation, in characters. */
export const MAX_INVITATION_MESSAGE_LENGTH = 2000;

/**
 * The admin's optional message that goes out with an invitation (email and text). Refused when too long, or when it
 * holds control characters (other than line breaks and tabs) or bidirectional formatting characters, naming the
 * field; checked once for a whole request before anyone is invited, and by each invitation it goes out with.
 */
export function requireInvitationMessage(message: string | null): string | null {
  if (message !== null && message.length > MAX_INVITATION_MESSAGE_LENGTH) {
    throw new ServiceError(
      'BAD_USER_INPUT',
      `The message must be at most ${MAX_INVITATION_MESSAGE_LENGTH} characters long.`,
      [{ field: 'message', message: `must be at most ${MAX_INVITATION_MESSAGE_LENGTH} characters` }],
    );
  }
  return requireFreeText('message', message, { multiline: true });
}
