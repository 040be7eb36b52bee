import type { OutgoingMessage } from './notifier.port';

export interface InvitationMessageInput {
  /** The id of the event that caused the messages: message ids derive from it. */
  messageIdFor: (channel: 'email' | 'sms') => string;
  inviteeId: string;
  email: string;
  mobile: string | null;
  greetingName: string | null;
  poolName: string;
  message: string | null;
  acceptUrl: string;
  expiresAt: string;
  createdAt: string;
}

/** The email, and the text message when a mobile is known, that carry an invitation's accept link. */
export function invitationMessages(input: InvitationMessageInput): OutgoingMessage[] {
  const hello = input.greetingName ? `Hello ${input.greetingName},` : 'Hello,';
  const expires = input.expiresAt.slice(0, 10);
  const note = input.message ? `\n\n${input.message}\n` : '';
  const common = { inviteeId: input.inviteeId, acceptUrl: input.acceptUrl, createdAt: input.createdAt };
  const messages: OutgoingMessage[] = [
    {
      id: input.messageIdFor('email'),
      kind: 'invitation',
      channel: 'email',
      to: input.email,
      subject: `You are invited to join ${input.poolName}`,
      body:
        `${hello}\n\nYou are invited to join the resource pool "${input.poolName}".${note}\n` +
        `Accept the invitation here (the link works once and expires on ${expires}):\n${input.acceptUrl}\n`,
      ...common,
    },
  ];
  if (input.mobile) {
    messages.push({
      id: input.messageIdFor('sms'),
      kind: 'invitation',
      channel: 'sms',
      to: input.mobile,
      body: `You are invited to join ${input.poolName}. Accept by ${expires}: ${input.acceptUrl}`,
      ...common,
    });
  }
  return messages;
}
