import type { OutgoingMessage } from './notifier.port';

export interface AddedToPoolMessageInput {
  messageIdFor: (channel: 'email' | 'sms') => string;
  inviteeId: string;
  email: string;
  mobile: string | null;
  greetingName: string | null;
  organisationName: string | null;
  poolName: string;
  createdAt: string;
}

/**
 * The email, and the text message when a mobile is known, telling a person who was accepted at once (already a
 * member of another pool of the organisation) that they were added: there is nothing to accept, so no link.
 */
export function addedToPoolMessages(input: AddedToPoolMessageInput): OutgoingMessage[] {
  const hello = input.greetingName ? `Hello ${input.greetingName},` : 'Hello,';
  const by = input.organisationName ?? 'The organisation you work with';
  const common = { kind: 'added-to-pool' as const, inviteeId: input.inviteeId, createdAt: input.createdAt };
  const messages: OutgoingMessage[] = [
    {
      id: input.messageIdFor('email'),
      channel: 'email',
      to: input.email,
      subject: `You have been added to ${input.poolName}`,
      body:
        `${hello}\n\n${by} has added you to the resource pool "${input.poolName}", as you are already a member ` +
        `of another of its pools. There is nothing you need to do.\n`,
      ...common,
    },
  ];
  if (input.mobile) {
    messages.push({
      id: input.messageIdFor('sms'),
      channel: 'sms',
      to: input.mobile,
      body: `${by} has added you to ${input.poolName}. Nothing to do.`,
      ...common,
    });
  }
  return messages;
}
