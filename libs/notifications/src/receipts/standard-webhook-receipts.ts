import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { ServiceError } from '@invitations/kernel';
import type { ReportedStatus } from '@invitations/domain';
import type { DeliveryReceipt } from './delivery-receipt';

const REPORTED: readonly ReportedStatus[] = ['SENT', 'DELIVERED', 'BOUNCED', 'FAILED', 'COMPLAINED'];
const MAX_ID_LENGTH = 200;
const MAX_REASON_LENGTH = 1000;

/** Standard Webhooks' headers (https://www.standardwebhooks.com/). */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

/**
 * Verifies provider-neutral delivery receipts, signed as the Standard Webhooks specification says: `webhook-id`,
 * `webhook-timestamp` (refused when over 5 minutes off) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of
 * "<id>.<timestamp>.<body>">`), checked by the specification's own library over the body's exact bytes.
 *
 * The secret (DELIVERY_WEBHOOK_SECRET) is base64 or text: `whsec_<base64>` as Standard Webhooks prints it is read
 * as base64 only; any other secret signs with its text (UTF-8), or, when it reads as base64, with the bytes it
 * decodes to. Both keys come from the one secret, so accepting either gives a forger nothing.
 */
export class StandardWebhookReceipts {
  private readonly verifiers: Webhook[];

  constructor(secret: string) {
    this.verifiers = keysOf(secret).map((key) => new Webhook(key, { format: 'raw' }));
  }

  /** The receipt of a request whose signature holds; UNAUTHENTICATED otherwise, BAD_USER_INPUT for a bad body. */
  verify(body: Buffer, headers: WebhookHeaders): DeliveryReceipt {
    const flat: Record<string, string> = {};
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const value = headers[name];
      flat[name] = Array.isArray(value) ? value.join(' ') : (value ?? '');
    }
    if (!this.verifiers.some((verifier) => verifies(verifier, body, flat))) {
      throw new ServiceError(
        'UNAUTHENTICATED',
        'The delivery receipt’s signature is missing, wrong or stale.',
      );
    }
    return receiptOf(flat['webhook-id'], body);
  }
}

function verifies(verifier: Webhook, body: Buffer, headers: Record<string, string>): boolean {
  try {
    verifier.verify(body, headers, { jsonParse: false });
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

function keysOf(secret: string): Uint8Array[] {
  if (secret.startsWith('whsec_')) return [Buffer.from(secret.slice('whsec_'.length), 'base64')];
  const keys: Uint8Array[] = [Buffer.from(secret, 'utf8')];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret) && secret.length % 4 === 0)
    keys.push(Buffer.from(secret, 'base64'));
  return keys;
}

/**
 * The body's receipt: `{"messageId": "...", "status": "DELIVERED"|"BOUNCED"|"FAILED"|"COMPLAINED"|"SENT",
 * "reason"?: "...", "occurredAt"?: "ISO instant"}`. Read only once the signature holds.
 */
function receiptOf(webhookId: string, body: Buffer): DeliveryReceipt {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw malformed('body', 'must be a JSON object');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw malformed('body', 'must be a JSON object');
  const { messageId, status, reason, occurredAt } = parsed as Record<string, unknown>;
  if (typeof messageId !== 'string' || messageId === '' || messageId.length > MAX_ID_LENGTH)
    throw malformed('messageId', `must be a message id of at most ${MAX_ID_LENGTH} characters`);
  if (typeof status !== 'string' || !REPORTED.includes(status as ReportedStatus))
    throw malformed('status', `must be one of ${REPORTED.join(', ')}`);
  if (
    reason !== undefined &&
    reason !== null &&
    (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH)
  )
    throw malformed('reason', `must be text of at most ${MAX_REASON_LENGTH} characters`);
  let at: string | null = null;
  if (occurredAt !== undefined && occurredAt !== null) {
    const time = typeof occurredAt === 'string' ? Date.parse(occurredAt) : NaN;
    if (!/^\d{4}-\d{2}-\d{2}T/.test(String(occurredAt)) || Number.isNaN(time))
      throw malformed('occurredAt', 'must be an ISO-8601 instant');
    at = new Date(time).toISOString();
  }
  return {
    receiptId: `webhook:${webhookId}`,
    messageId,
    status: status as ReportedStatus,
    reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : null,
    occurredAt: at,
  };
}

const malformed = (field: string, message: string) =>
  new ServiceError('BAD_USER_INPUT', `The delivery receipt is not valid: ${field} ${message}.`, [
    { field, message },
  ]);
