import type { ReportedStatus } from '@invitations/domain';

/** A provider's report of what became of one of our messages, verified and read from its own format. */
export interface DeliveryReceipt {
  /** Unique per report (`webhook:<webhook-id>`, `twilio:<MessageSid>:<status>`): a report sent twice is one. */
  receiptId: string;
  /** Our message's id: the outbox line's. */
  messageId: string;
  status: ReportedStatus;
  reason: string | null;
  /** When it happened, as the provider says; null when it does not say (then: when the report arrived). */
  occurredAt: string | null;
}
