import type { OutgoingMessage } from './notifier.port';

/** Who a message goes to, and how its ids derive from the event that caused it. */
export interface MessageAddressee {
  /** The id of the event that caused the messages: message ids derive from it. */
  messageIdFor: (channel: 'email' | 'sms') => string;
  inviteeId: string;
  email: string;
  mobile: string | null;
  greetingName: string | null;
}

/** What the email and the text message of one event say, and what both carry alike. */
export interface MessageWording {
  kind: OutgoingMessage['kind'];
  subject: string;
  /** The email's body after its greeting. */
  emailText: string;
  sms: string;
  acceptUrl?: string;
  createdAt: string;
}

/**
 * The email, greeting the person by name when known, and the text message when a mobile is known: every message
 * to an invitee goes out on these two channels alike.
 */
export function emailAndSms(to: MessageAddressee, wording: MessageWording): OutgoingMessage[] {
  const hello = to.greetingName ? `Hello ${to.greetingName},` : 'Hello,';
  const common = {
    kind: wording.kind,
    inviteeId: to.inviteeId,
    ...(wording.acceptUrl === undefined ? {} : { acceptUrl: wording.acceptUrl }),
    createdAt: wording.createdAt,
  };
  const messages: OutgoingMessage[] = [
    {
      id: to.messageIdFor('email'),
      channel: 'email',
      to: to.email,
      subject: wording.subject,
      body: `${hello}\n\n${wording.emailText}`,
      ...common,
    },
  ];
  if (to.mobile) {
    messages.push({
      id: to.messageIdFor('sms'),
      channel: 'sms',
      to: to.mobile,
      body: wording.sms,
      ...common,
    });
  }
  return messages;
}
