import type { OutgoingMessage } from '../notifier.port';

/** The email and the text message of one invitation, their ids derived from the event that caused them. */
export function invitationMessagesOf(eventId: string): OutgoingMessage[] {
  const common = {
    kind: 'invitation' as const,
    inviteeId: 'inv-1',
    acceptUrl: 'http://localhost:3000/invitations/accept?token=t',
    createdAt: '2025-03-04T05:06:07.000Z',
  };
  return [
    {
      id: `${eventId}-email`,
      channel: 'email',
      to: 'person@example.com',
      subject: 'You are invited to join Nurses',
      body: 'Hello,\n\nAccept here.',
      ...common,
    },
    {
      id: `${eventId}-sms`,
      channel: 'sms',
      to: '+61412345678',
      body: 'You are invited. Accept: http://x',
      ...common,
    },
  ];
}
