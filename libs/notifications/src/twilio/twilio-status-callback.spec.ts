import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { isSignedByTwilio, twilioDeliveryReceipt } from './twilio-status-callback';
import { twilioStatusCallback } from '../testing/twilio-status-callback';

const TOKEN = 'twilio-auth-token';
const URL = 'https://invitations.example.org/api/delivery-receipts/twilio?messageId=msg-1';
const MESSAGE = 'msg-1';

describe('isSignedByTwilio', () => {
  const params = twilioStatusCallback('delivered');
  const signature = getExpectedTwilioSignature(TOKEN, URL, params);

  it('accepts the signature Twilio computes over the callback URL and the posted parameters', () => {
    expect(isSignedByTwilio(TOKEN, signature, URL, params)).toBe(true);
  });

  it('refuses a missing signature, another token, another URL, or changed parameters', () => {
    expect(isSignedByTwilio(TOKEN, undefined, URL, params)).toBe(false);
    expect(isSignedByTwilio('another-token', signature, URL, params)).toBe(false);
    expect(isSignedByTwilio(TOKEN, signature, URL.replace('msg-1', 'msg-2'), params)).toBe(false);
    expect(isSignedByTwilio(TOKEN, signature, URL, { ...params, MessageStatus: 'failed' })).toBe(false);
  });
});

describe('twilioDeliveryReceipt', () => {
  it.each([
    ['sent', 'SENT', null],
    ['delivered', 'DELIVERED', null],
    ['read', 'DELIVERED', null],
    ['undelivered', 'BOUNCED', 'Twilio status undelivered'],
    ['failed', 'FAILED', 'Twilio status failed'],
    ['canceled', 'FAILED', 'Twilio status canceled'],
  ])('reads Twilio’s %s as %s', (twilioStatus, status, reason) => {
    expect(twilioDeliveryReceipt(MESSAGE, twilioStatusCallback(twilioStatus))).toEqual({
      receiptId: `twilio:SM00000000000000000000000000000001:${twilioStatus}`,
      messageId: MESSAGE,
      status,
      reason,
      occurredAt: null,
    });
  });

  it('gives Twilio’s error code as the reason, named when it is a common one', () => {
    expect(
      twilioDeliveryReceipt(MESSAGE, twilioStatusCallback('undelivered', { ErrorCode: '30003' }))?.reason,
    ).toBe('Twilio error 30003: unreachable destination handset');
    expect(
      twilioDeliveryReceipt(MESSAGE, twilioStatusCallback('failed', { ErrorCode: '30999' }))?.reason,
    ).toBe('Twilio error 30999');
  });

  it('has nothing to record for the statuses before the carrier, or without a status', () => {
    for (const status of ['accepted', 'scheduled', 'queued', 'sending', 'receiving', 'mystery'])
      expect(twilioDeliveryReceipt(MESSAGE, twilioStatusCallback(status))).toBeNull();
    expect(twilioDeliveryReceipt(MESSAGE, { MessageSid: 'SM1' })).toBeNull();
  });
});
