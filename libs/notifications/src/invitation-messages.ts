import type { OutgoingMessage } from './notifier.port';

/** Why a message with the invitation's link goes out. */
export type InvitationMessageKind = 'invitation' | 'reminder' | 'extension';

export interface InvitationMessageInput {
  /** The id of the event that caused the messages: message ids derive from it. */
  messageIdFor: (channel: 'email' | 'sms') => string;
  inviteeId: string;
  email: string;
  mobile: string | null;
  greetingName: string | null;
  /** Who invites: the organisation's display name (null until its admins set one). */
  organisationName?: string | null;
  poolName: string;
  message: string | null;
  acceptUrl: string;
  expiresAt: string;
  createdAt: string;
  /** An invitation (the default), its reminder, or the news that its expiry was pushed out. */
  kind?: InvitationMessageKind;
}

/** The email, and the text message when a mobile is known, that carry an invitation's accept link. */
export function invitationMessages(input: InvitationMessageInput): OutgoingMessage[] {
  const kind = input.kind ?? 'invitation';
  const hello = input.greetingName ? `Hello ${input.greetingName},` : 'Hello,';
  const expires = input.expiresAt.slice(0, 10);
  const note = input.message ? `\n\n${input.message}\n` : '';
  const who = input.organisationName ? `${input.organisationName} invites you` : 'You are invited';
  const text = TEXTS[kind](who, input.poolName, expires);
  const common = {
    kind: kind === 'reminder' ? ('reminder' as const) : ('invitation' as const),
    inviteeId: input.inviteeId,
    acceptUrl: input.acceptUrl,
    createdAt: input.createdAt,
  };
  const messages: OutgoingMessage[] = [
    {
      id: input.messageIdFor('email'),
      channel: 'email',
      to: input.email,
      subject: text.subject,
      body:
        `${hello}\n\n${text.lead}${note}\n` +
        `Accept the invitation here (the link expires on ${expires}):\n${input.acceptUrl}\n\n` +
        `If you do not wish to join, open the link and choose Decline.\n`,
      ...common,
    },
  ];
  if (input.mobile) {
    messages.push({
      id: input.messageIdFor('sms'),
      channel: 'sms',
      to: input.mobile,
      body: `${text.sms} Accept by ${expires}: ${input.acceptUrl}`,
      ...common,
    });
  }
  return messages;
}

type Texts = { subject: string; lead: string; sms: string };

const TEXTS: Record<InvitationMessageKind, (who: string, pool: string, expires: string) => Texts> = {
  invitation: (who, pool) => ({
    subject: `You are invited to join ${pool}`,
    lead: `${who} to join the resource pool "${pool}".`,
    sms: `${who} to join ${pool}.`,
  }),
  reminder: (who, pool, expires) => ({
    subject: `Reminder: your invitation to join ${pool} expires on ${expires}`,
    lead: `A reminder: ${who.charAt(0).toLowerCase()}${who.slice(1)} to join the resource pool "${pool}", and the invitation expires on ${expires}.`,
    sms: `Reminder: ${who.charAt(0).toLowerCase()}${who.slice(1)} to join ${pool}.`,
  }),
  extension: (who, pool, expires) => ({
    subject: `Your invitation to join ${pool} now expires on ${expires}`,
    lead: `${who} to join the resource pool "${pool}": your invitation has been extended to ${expires}.`,
    sms: `${who} to join ${pool}; extended.`,
  }),
};
