import { Webhook } from 'standardwebhooks';
import { ServiceError } from '@invitations/kernel';
import { StandardWebhookReceipts } from './standard-webhook-receipts';

const BASE64_SECRET = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = (fields: Record<string, unknown> = {}) =>
  Buffer.from(JSON.stringify({ messageId: 'msg-1', status: 'DELIVERED', ...fields }));

/** Signs as a provider following Standard Webhooks would, with the specification's own library. */
function signed(key: Uint8Array | string, payload: Buffer, id = 'wh-1', at = new Date()) {
  const webhook = typeof key === 'string' ? new Webhook(key) : new Webhook(key, { format: 'raw' });
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': webhook.sign(id, at, payload),
  };
}

const refusal = (verify: () => unknown): ServiceError => {
  try {
    verify();
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected a refusal');
};

describe('StandardWebhookReceipts', () => {
  it('reads a signed receipt: the webhook id makes the receipt id', () => {
    const receipts = new StandardWebhookReceipts(`whsec_${BASE64_SECRET}`);
    const payload = body({
      status: 'BOUNCED',
      reason: ' 550 mailbox unknown ',
      occurredAt: '2025-03-04T09:00:00Z',
    });

    expect(receipts.verify(payload, signed(`whsec_${BASE64_SECRET}`, payload))).toEqual({
      receiptId: 'webhook:wh-1',
      messageId: 'msg-1',
      status: 'BOUNCED',
      reason: '550 mailbox unknown',
      occurredAt: '2025-03-04T09:00:00.000Z',
    });
  });

  it('takes a text secret as its text, and a base64 one as either its text or its bytes', () => {
    const payload = body();
    expect(
      new StandardWebhookReceipts('a text secret!').verify(
        payload,
        signed(Buffer.from('a text secret!'), payload),
      ),
    ).toMatchObject({ status: 'DELIVERED' });
    const base64 = new StandardWebhookReceipts(BASE64_SECRET);
    expect(base64.verify(payload, signed(BASE64_SECRET, payload))).toMatchObject({ status: 'DELIVERED' });
    expect(base64.verify(payload, signed(Buffer.from(BASE64_SECRET), payload))).toMatchObject({
      status: 'DELIVERED',
    });
  });

  it('refuses, as unauthenticated, a forged, tampered, stale or unsigned receipt', () => {
    const receipts = new StandardWebhookReceipts(BASE64_SECRET);
    const payload = body();
    const stale = new Date(Date.now() - 6 * 60_000);
    const cases = [
      signed(Buffer.from('another secret'), payload),
      { ...signed(BASE64_SECRET, payload), 'webhook-id': 'wh-2' },
      signed(BASE64_SECRET, payload, 'wh-1', stale),
      signed(BASE64_SECRET, payload, 'wh-1', new Date(Date.now() + 6 * 60_000)),
      {},
    ];
    for (const headers of cases)
      expect(refusal(() => receipts.verify(payload, headers))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(
      refusal(() => receipts.verify(body({ status: 'FAILED' }), signed(BASE64_SECRET, payload))),
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it.each([
    ['not JSON', Buffer.from('status=DELIVERED'), 'body'],
    ['no message id', body({ messageId: '' }), 'messageId'],
    ['a status no provider reports', body({ status: 'QUEUED' }), 'status'],
    ['a reason that is not text', body({ reason: 42 }), 'reason'],
    ['an instant that is not one', body({ occurredAt: 'yesterday' }), 'occurredAt'],
  ])('refuses a signed receipt with %s as bad input', (_case, payload, field) => {
    const receipts = new StandardWebhookReceipts(BASE64_SECRET);
    const error = refusal(() => receipts.verify(payload, signed(BASE64_SECRET, payload)));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field }] });
  });
});
