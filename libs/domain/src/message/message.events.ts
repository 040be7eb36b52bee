import type { Event } from '@invitations/kernel';

/** The way a message went: GraphQL `MessageChannel`. */
export type MessageChannel = 'EMAIL' | 'SMS';

/** What a message was for: GraphQL `MessageKind`. */
export type MessageKind = 'INVITATION' | 'REMINDER' | 'ADDED_TO_POOL';

/**
 * Stream `message-<messageId>`: one email or text message to an invitee, from the moment it was queued. The id is
 * the outbox line's (derived from the event that caused the message and the channel); no event of the stream holds
 * the address, which stays with the invitee's own data.
 */

/** The message was written to the outbox or is about to be handed to its provider. */
export type MessageQueued = Event<
  'MessageQueued',
  {
    messageId: string;
    inviteeId: string;
    /** The invitation the message carries a link of; null for a message of no invitation (added to a pool). */
    invitationId: string | null;
    channel: MessageChannel;
    kind: MessageKind;
    queuedAt: string;
  }
>;

/** The provider (SMTP server, SMS gateway) accepted the message. */
export type MessageSent = Event<
  'MessageSent',
  {
    messageId: string;
    inviteeId: string;
    sentAt: string;
    /** The provider's own reference of the message (Message-ID, Twilio's message SID), when known. */
    providerReference: string | null;
    /** The receipt that reported it, when a receipt did (null when the sender saw the provider accept it). */
    receiptId: string | null;
  }
>;

/** What every outcome a provider reports records. */
export interface MessageOutcome {
  messageId: string;
  inviteeId: string;
  /** When it happened, as the provider says (else when the report arrived). */
  at: string;
  /** The provider's reason for a bounce, failure or complaint. */
  reason: string | null;
  /** The receipt that reported it (a webhook's id), by which a receipt delivered twice is recognised. */
  receiptId: string;
}

export type MessageDelivered = Event<'MessageDelivered', MessageOutcome>;
export type MessageBounced = Event<'MessageBounced', MessageOutcome>;
export type MessageFailed = Event<'MessageFailed', MessageOutcome>;
export type MessageComplained = Event<'MessageComplained', MessageOutcome>;

export type MessageOutcomeEvent = MessageDelivered | MessageBounced | MessageFailed | MessageComplained;

export type MessageEvent = MessageQueued | MessageSent | MessageOutcomeEvent;

/** Every event type of a message's stream. */
export const MESSAGE_EVENT_TYPES: readonly MessageEvent['type'][] = [
  'MessageQueued',
  'MessageSent',
  'MessageDelivered',
  'MessageBounced',
  'MessageFailed',
  'MessageComplained',
];
