import type { ReportedStatus } from './delivery-status';
import type { MessageChannel, MessageKind } from './message.events';

/** Records a message about to be written to the outbox or handed to its provider. */
export interface QueueMessage {
  type: 'QueueMessage';
  messageId: string;
  inviteeId: string;
  invitationId: string | null;
  channel: MessageChannel;
  kind: MessageKind;
  now: string;
}

/** The sender saw the provider accept the message. */
export interface RecordMessageSent {
  type: 'RecordMessageSent';
  providerReference: string | null;
  now: string;
}

/** A provider's report of what became of the message (a delivery receipt, or the sender's own failure). */
export interface RecordDeliveryReport {
  type: 'RecordDeliveryReport';
  /** Unique per report (a webhook's id): a report delivered twice is recorded once. */
  receiptId: string;
  status: ReportedStatus;
  reason: string | null;
  /** When it happened, as the provider says. */
  occurredAt: string;
}

export type MessageCommand = QueueMessage | RecordMessageSent | RecordDeliveryReport;
