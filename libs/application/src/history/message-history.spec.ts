import { messageDecider, messageStreamId, type MessageCommand } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { deliveriesAsOf } from './message-history';

const at = (hour: number) => new Date(Date.UTC(2025, 2, 4, hour));

describe('deliveriesAsOf', () => {
  let store: InMemoryEventStore;
  let commands = 0;

  const onMessage = (messageId: string, command: MessageCommand, hour: number) =>
    handleCommand(store, messageStreamId(messageId), messageDecider, () => command, {
      organisationId: 'org-a',
      actor: null,
      correlationId: 'c',
      commandId: `command-${(commands += 1)}`,
      now: at(hour),
    });
  const queue = (messageId: string, invitationId: string, hour: number) =>
    onMessage(
      messageId,
      {
        type: 'QueueMessage',
        messageId,
        inviteeId: 'invitee-1',
        invitationId,
        channel: 'EMAIL',
        kind: 'INVITATION',
        now: at(hour).toISOString(),
      },
      hour,
    );

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await queue('m-1', 'invitation-1', 9);
    const bounce = { type: 'RecordDeliveryReport' as const, receiptId: 'r-1', status: 'BOUNCED' as const };
    await onMessage('m-1', { ...bounce, reason: 'mailbox full', occurredAt: at(10).toISOString() }, 10);
    await queue('m-2', 'invitation-2', 12);
  });

  it('gives each message as it stood then: later receipts not come yet, later messages not there yet', async () => {
    expect(await deliveriesAsOf(store, ['m-2', 'm-1'], at(9))).toEqual([
      {
        messageId: 'm-1',
        invitationId: 'invitation-1',
        channel: 'EMAIL',
        kind: 'INVITATION',
        status: 'QUEUED',
        at: at(9).toISOString(),
        reason: null,
      },
    ]);
    expect(await deliveriesAsOf(store, ['m-2', 'm-1'], at(12))).toMatchObject([
      { messageId: 'm-2', status: 'QUEUED' },
      { messageId: 'm-1', status: 'BOUNCED', at: at(10).toISOString(), reason: 'mailbox full' },
    ]);
    expect(await deliveriesAsOf(store, ['m-1'], at(8))).toEqual([]);
  });
});
