/**
 * What became of one email or text message, as its provider last reported it (GraphQL `DeliveryStatus`):
 * QUEUED (written to the outbox or handed to the process that sends it), SENT (the SMTP server or SMS gateway
 * accepted it), then an outcome: DELIVERED, or BOUNCED / FAILED / COMPLAINED with the provider's reason.
 */
export type DeliveryStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'BOUNCED' | 'FAILED' | 'COMPLAINED';

/** What a provider can report of a message it was given (QUEUED is ours alone). */
export type ReportedStatus = Exclude<DeliveryStatus, 'QUEUED'>;

/** The outcomes that mean the message did not reach the person (or reached them unwelcome). */
export type FailedDeliveryStatus = 'BOUNCED' | 'FAILED' | 'COMPLAINED';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'QUEUED',
  'SENT',
  'DELIVERED',
  'BOUNCED',
  'FAILED',
  'COMPLAINED',
];

export const FAILED_DELIVERY_STATUSES: readonly FailedDeliveryStatus[] = ['BOUNCED', 'FAILED', 'COMPLAINED'];

export const isFailedDelivery = (status: DeliveryStatus | null): status is FailedDeliveryStatus =>
  status === 'BOUNCED' || status === 'FAILED' || status === 'COMPLAINED';

/** A provider's last word on a message: DELIVERED, BOUNCED, FAILED or COMPLAINED. */
export const isOutcome = (status: DeliveryStatus): boolean => status !== 'QUEUED' && status !== 'SENT';

/** A message's status and when it was reported. */
export interface StatusAt {
  status: DeliveryStatus;
  at: string;
}

/**
 * The status after a provider's report. Reports arrive out of order (webhooks are retried and race each other):
 * SENT only moves a QUEUED message on, never undoes an outcome; an outcome replaces an earlier one only when it
 * happened at or after it (an email delivered, then bounced by the mailbox later; a soft bounce, then delivered
 * on the server's retry). A report older than the outcome on record is kept in the log but changes nothing.
 */
export function statusAfterReport(current: StatusAt, report: StatusAt): StatusAt {
  if (report.status === 'QUEUED') return current;
  if (report.status === 'SENT') return current.status === 'QUEUED' ? report : current;
  if (!isOutcome(current.status)) return report;
  return Date.parse(report.at) >= Date.parse(current.at) ? report : current;
}

/** How hopeful a status is: the best of an invitation's messages is the one that came furthest. */
const HOPE: Record<DeliveryStatus, number> = {
  DELIVERED: 5,
  SENT: 4,
  QUEUED: 3,
  COMPLAINED: 2,
  BOUNCED: 1,
  FAILED: 0,
};

/**
 * The best status among one invitation's messages (null when it has none): DELIVERED if any message was, and a
 * failure only when every message failed, so that "undeliverable" means no message of the invitation got through.
 */
export function bestDeliveryStatus(statuses: Iterable<DeliveryStatus>): DeliveryStatus | null {
  let best: DeliveryStatus | null = null;
  for (const status of statuses) if (best === null || HOPE[status] > HOPE[best]) best = status;
  return best;
}

const MAX_REASON = 500;

/**
 * A provider's reason as the log keeps it: a bounce often quotes the address ("550 <alex@example.com>: no such
 * user"), and an SMS gateway the number, which are the person's data and stay out of a message's events. They are
 * replaced by [address] and [number]; the rest is kept, up to 500 characters.
 */
export function deliveryReason(reason: string | null): string | null {
  if (reason === null) return null;
  const redacted = reason
    .replace(/[^\s<>()"',;:@]+@[^\s<>()"',;:@]+\.[^\s<>()"',;:@]+/g, '[address]')
    .replace(/\+?\d[\d ()-]{6,}\d/g, (run) => (run.replace(/\D/g, '').length >= 8 ? '[number]' : run))
    .trim();
  if (redacted === '') return null;
  return redacted.length > MAX_REASON ? `${redacted.slice(0, MAX_REASON - 1)}…` : redacted;
}
