import { bestDeliveryStatus, deliveryReason, isFailedDelivery, statusAfterReport } from './delivery-status';

const T1 = '2025-03-04T09:00:00.000Z';
const T2 = '2025-03-04T10:00:00.000Z';

describe('statusAfterReport', () => {
  it('moves QUEUED on with any report', () => {
    expect(statusAfterReport({ status: 'QUEUED', at: T1 }, { status: 'SENT', at: T2 })).toEqual({
      status: 'SENT',
      at: T2,
    });
    expect(statusAfterReport({ status: 'QUEUED', at: T1 }, { status: 'FAILED', at: T1 })).toEqual({
      status: 'FAILED',
      at: T1,
    });
  });

  it('never lets SENT undo an outcome', () => {
    const delivered = { status: 'DELIVERED' as const, at: T1 };
    expect(statusAfterReport(delivered, { status: 'SENT', at: T2 })).toBe(delivered);
  });

  it('lets an outcome replace another that happened before it, not one that happened after', () => {
    expect(statusAfterReport({ status: 'DELIVERED', at: T1 }, { status: 'COMPLAINED', at: T2 })).toEqual({
      status: 'COMPLAINED',
      at: T2,
    });
    const late = { status: 'DELIVERED' as const, at: T2 };
    expect(statusAfterReport(late, { status: 'BOUNCED', at: T1 })).toBe(late);
  });
});

describe('bestDeliveryStatus', () => {
  it('is null without messages, and the one that came furthest otherwise', () => {
    expect(bestDeliveryStatus([])).toBeNull();
    expect(bestDeliveryStatus(['FAILED', 'DELIVERED', 'SENT'])).toBe('DELIVERED');
    expect(bestDeliveryStatus(['BOUNCED', 'QUEUED'])).toBe('QUEUED');
  });

  it('is a failure only when every message failed', () => {
    expect(isFailedDelivery(bestDeliveryStatus(['BOUNCED', 'FAILED']))).toBe(true);
    expect(isFailedDelivery(bestDeliveryStatus(['BOUNCED', 'SENT']))).toBe(false);
    expect(isFailedDelivery(bestDeliveryStatus(['COMPLAINED']))).toBe(true);
  });
});

describe('deliveryReason', () => {
  it('keeps the provider’s words without the address or number they quote', () => {
    expect(deliveryReason('550 5.1.1 <alex.nguyen@example.com>: Recipient address rejected')).toBe(
      '550 5.1.1 <[address]>: Recipient address rejected',
    );
    expect(deliveryReason("The 'To' number +61 412 345 678 is not a valid phone number.")).toBe(
      "The 'To' number [number] is not a valid phone number.",
    );
    expect(deliveryReason('Twilio error 30003: unreachable destination handset')).toBe(
      'Twilio error 30003: unreachable destination handset',
    );
  });

  it('is null for no reason, and at most 500 characters', () => {
    expect(deliveryReason(null)).toBeNull();
    expect(deliveryReason('   ')).toBeNull();
    expect(deliveryReason('x'.repeat(600))).toHaveLength(500);
  });
});
