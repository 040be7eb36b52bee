import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { ReportedStatus } from '@invitations/domain';
import type { DeliveryReceipt } from '../receipts/delivery-receipt';

/**
 * Twilio's message statuses (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values) as
 * ours. Those before the hand-over to the carrier say nothing new (the message is SENT once Twilio accepted it);
 * "undelivered" is the carrier's refusal, a bounce; "failed" and "canceled" mean it never went out.
 */
const STATUSES: Record<string, ReportedStatus | null> = {
  accepted: null,
  scheduled: null,
  queued: null,
  sending: null,
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'DELIVERED',
  undelivered: 'BOUNCED',
  failed: 'FAILED',
  canceled: 'FAILED',
};

/** The error codes of status callbacks an admin most often meets (https://www.twilio.com/docs/api/errors). */
const ERRORS: Record<string, string> = {
  '30001': 'queue overflow',
  '30002': 'account suspended',
  '30003': 'unreachable destination handset',
  '30004': 'message blocked',
  '30005': 'unknown destination handset',
  '30006': 'landline or unreachable carrier',
  '30007': 'message filtered by the carrier',
  '30008': 'unknown error',
  '30034': 'sender not registered for A2P 10DLC',
};

/**
 * Whether a status callback is Twilio's: its X-Twilio-Signature checked, with twilio's own validateRequest, over
 * the URL Twilio was given (the callback URL, query included) and the form parameters it posted.
 */
export function isSignedByTwilio(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Record<string, unknown>,
): boolean {
  if (!signature) return false;
  return validateRequest(authToken, signature, url, params);
}

/**
 * The receipt a verified status callback carries, or null when its status says nothing we track. Twilio retries a
 * callback with the same parameters: the receipt id (the message SID and the status) makes the retry the same
 * receipt.
 */
export function twilioDeliveryReceipt(
  messageId: string,
  params: Record<string, unknown>,
): DeliveryReceipt | null {
  const sid = stringParam(params, 'MessageSid') ?? stringParam(params, 'SmsSid');
  const twilioStatus = (
    stringParam(params, 'MessageStatus') ?? stringParam(params, 'SmsStatus')
  )?.toLowerCase();
  if (!sid || !twilioStatus) return null;
  const status = STATUSES[twilioStatus] ?? null;
  if (status === null) return null;
  const reason = reasonOf(status, twilioStatus, stringParam(params, 'ErrorCode'));
  return { receiptId: `twilio:${sid}:${twilioStatus}`, messageId, status, reason, occurredAt: null };
}

/** Why a message bounced or failed: Twilio's error code, named when it is a common one. */
function reasonOf(status: ReportedStatus, twilioStatus: string, errorCode: string | null): string | null {
  if (status !== 'BOUNCED' && status !== 'FAILED') return null;
  if (errorCode === null) return `Twilio status ${twilioStatus}`;
  const known = ERRORS[errorCode];
  return `Twilio error ${errorCode}${known ? `: ${known}` : ''}`;
}

function stringParam(params: Record<string, unknown>, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
