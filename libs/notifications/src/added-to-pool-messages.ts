import { emailAndSms, type MessageAddressee } from './email-and-sms';
import type { OutgoingMessage } from './notifier.port';

export interface AddedToPoolMessageInput extends MessageAddressee {
  organisationName: string | null;
  poolName: string;
  createdAt: string;
}

/**
 * The email, and the text message when a mobile is known, telling a person who was accepted at once (already a
 * member of another pool of the organisation) that they were added: there is nothing to accept, so no link.
 */
export function addedToPoolMessages(input: AddedToPoolMessageInput): OutgoingMessage[] {
  const by = input.organisationName ?? 'The organisation you work with';
  return emailAndSms(input, {
    kind: 'added-to-pool',
    subject: `You have been added to ${input.poolName}`,
    emailText:
      `${by} has added you to the resource pool "${input.poolName}", as you are already a member ` +
      `of another of its pools. There is nothing you need to do.\n`,
    sms: `${by} has added you to ${input.poolName}. Nothing to do.`,
    createdAt: input.createdAt,
  });
}
