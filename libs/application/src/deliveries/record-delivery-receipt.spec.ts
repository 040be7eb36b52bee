import { messageDecider, messageStreamId } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import type { DeliveryReceipt } from '@invitations/notifications';
import { typesIn } from '../testing/application-world';
import { recordDeliveryReceipt } from './record-delivery-receipt';

const MESSAGE = '7a0f3c1e-2b4d-5e6f-8a9b-0c1d2e3f4a5b';
const NOW = new Date('2025-03-04T10:00:00.000Z');

describe('recordDeliveryReceipt', () => {
  let store: InMemoryEventStore;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await handleCommand(
      store,
      messageStreamId(MESSAGE),
      messageDecider,
      () => ({
        type: 'QueueMessage' as const,
        messageId: MESSAGE,
        inviteeId: 'invitee-1',
        invitationId: 'invitation-1',
        channel: 'EMAIL' as const,
        kind: 'INVITATION' as const,
        now: '2025-03-04T09:00:00.000Z',
      }),
      { organisationId: 'org-a', actor: null, correlationId: 'c-0', commandId: 'cmd-0', now: NOW },
    );
  });

  const receipt = (fields: Partial<DeliveryReceipt> = {}): DeliveryReceipt => ({
    receiptId: 'webhook:wh-1',
    messageId: MESSAGE,
    status: 'BOUNCED',
    reason: '550 5.1.1 <someone@example.org>: no such user',
    occurredAt: '2025-03-04T09:30:00.000Z',
    ...fields,
  });
  const record = (fields: Partial<DeliveryReceipt> = {}) =>
    recordDeliveryReceipt({ store }, { correlationId: 'c-1', now: NOW }, receipt(fields));
  const lastEvent = async () => {
    let last;
    for await (const event of store.readStream(messageStreamId(MESSAGE))) last = event;
    return last!;
  };

  it('records the outcome on the message’s stream, for its organisation, without the address', async () => {
    const { position } = await record();

    expect(position).toBeGreaterThan(0n);
    expect(await typesIn(store, messageStreamId(MESSAGE))).toEqual(['MessageQueued', 'MessageBounced']);
    const bounced = await lastEvent();
    expect(bounced.data).toEqual({
      messageId: MESSAGE,
      inviteeId: 'invitee-1',
      at: '2025-03-04T09:30:00.000Z',
      reason: '550 5.1.1 <[address]>: no such user',
      receiptId: 'webhook:wh-1',
    });
    expect(bounced.metadata).toMatchObject({ organisationId: 'org-a', actor: null, correlationId: 'c-1' });
  });

  it('records a receipt delivered twice once, answering where the first was written', async () => {
    const first = await record();
    const again = await record();

    expect(again.position).toBe(first.position);
    expect(await typesIn(store, messageStreamId(MESSAGE))).toEqual(['MessageQueued', 'MessageBounced']);
  });

  it('dates a receipt that says no time by its arrival', async () => {
    await record({ status: 'DELIVERED', occurredAt: null, reason: null });

    expect((await lastEvent()).data).toMatchObject({ at: NOW.toISOString() });
  });

  it('answers NOT_FOUND for a message this service never queued, writing nothing', async () => {
    await expect(record({ messageId: 'unknown' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Message not found.',
    });
    expect(await store.headPosition()).toBe(0n);
  });
});
