/**
 * One message to an invitee, as the contract's outbox line:
 * {id, kind, channel, to, subject?, body, inviteeId, acceptUrl?, createdAt}.
 */
export interface OutgoingMessage {
  /** Deterministic per (event, channel), so a redelivered event yields the same id. */
  id: string;
  /** What the message is: an invitation, its reminder, or the news of being added to a pool at once. */
  kind?: 'invitation' | 'reminder' | 'added-to-pool';
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
 * The notifier port. `send` takes the messages of one event together: the embedded outbox writes them in one
 * durable write, so an event's email and text message are sent together or not at all.
 */
export interface Notifier {
  /** Whether a message with this id was already sent (for exactly-once delivery across restarts). */
  wasSent(id: string): Promise<boolean>;
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');
