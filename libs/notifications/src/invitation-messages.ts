import { emailAndSms, type MessageAddressee } from './email-and-sms';
import type { OutgoingMessage } from './notifier.port';

/** Why a message with the invitation's link goes out. */
export type InvitationMessageKind = 'invitation' | 'reminder' | 'extension';

export interface InvitationMessageInput extends MessageAddressee {
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
  const expires = input.expiresAt.slice(0, 10);
  const note = input.message ? `\n\n${input.message}\n` : '';
  const who = input.organisationName ? `${input.organisationName} invites you` : 'You are invited';
  const text = TEXTS[kind](who, input.poolName, expires);
  return emailAndSms(input, {
    kind: kind === 'reminder' ? 'reminder' : 'invitation',
    subject: text.subject,
    emailText:
      `${text.lead}${note}\n` +
      `Accept the invitation here (the link expires on ${expires}):\n${input.acceptUrl}\n\n` +
      `If you do not wish to join, open the link and choose Decline.\n`,
    sms: `${text.sms} Accept by ${expires}: ${input.acceptUrl}`,
    acceptUrl: input.acceptUrl,
    createdAt: input.createdAt,
  });
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
