/** What a message is for, as the outbox line's `kind` says. */
export type OutgoingMessageKind = 'invitation' | 'reminder' | 'added-to-pool';

/**
 * One message to an invitee, as the contract's outbox line:
 * {id, kind, channel, to, subject?, body, inviteeId, acceptUrl?, createdAt}.
 */
export interface OutgoingMessage {
  /** Deterministic per (event, channel), so a redelivered event yields the same id; the `messageId` of receipts. */
  id: string;
  /** What the message is: an invitation, its reminder, or the news of being added to a pool at once. */
  kind: OutgoingMessageKind;
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  body: string;
  inviteeId: string;
  /** The accept link; absent from a message that asks nothing (added-to-pool). */
  acceptUrl?: string;
  createdAt: string;
}

/**
 * How a message left this service, as the notifier that sent it remembers:
 * - QUEUED: written where something else sends it on (the outbox);
 * - SENT: the provider (SMTP server, SMS gateway) accepted it;
 * - FAILED: the provider refused it for good (an invalid number), with its reason; it will not be tried again.
 */
export interface Handover {
  status: 'QUEUED' | 'SENT' | 'FAILED';
  /** The provider's reference of the message (Message-ID, Twilio's message SID), when it gave one. */
  providerReference: string | null;
  /** Why the provider refused it (FAILED only). */
  reason: string | null;
}

/**
 * The notifier port, one per channel or one for both. `send` takes the messages of one event together: the
 * embedded outbox writes them in one durable write, so an event's email and text message are sent together or
 * not at all.
 */
export interface Notifier {
  /** Whether a message with this id was already handed over (for exactly-once delivery across restarts). */
  wasSent(id: string): Promise<boolean>;
  /** How the message with this id was handed over, if it was: remembered across restarts like `wasSent`. */
  handoverOf(id: string): Promise<Handover | null>;
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');
