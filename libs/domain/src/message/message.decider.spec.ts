import { given } from '../testing/given-when-then';
import type { RecordDeliveryReport } from './message.commands';
import { messageDecider } from './message.decider';
import type { MessageEvent, MessageOutcome, MessageQueued } from './message.events';

const MESSAGE = '5d7c0c6e-1f0b-5a43-9d3e-7b1c2a4e8f90';
const INVITEE = 'invitee-1';
const QUEUED_AT = '2025-03-04T09:00:00.000Z';
const SENT_AT = '2025-03-04T09:00:02.000Z';
const DELIVERED_AT = '2025-03-04T09:00:30.000Z';
const LATER = '2025-03-04T11:00:00.000Z';

const queueCommand = {
  type: 'QueueMessage' as const,
  messageId: MESSAGE,
  inviteeId: INVITEE,
  invitationId: 'invitation-1',
  channel: 'EMAIL' as const,
  kind: 'INVITATION' as const,
  now: QUEUED_AT,
};

const queued = (): MessageQueued => ({
  type: 'MessageQueued',
  data: {
    messageId: MESSAGE,
    inviteeId: INVITEE,
    invitationId: 'invitation-1',
    channel: 'EMAIL',
    kind: 'INVITATION',
    queuedAt: QUEUED_AT,
  },
});

const sent = (
  fields: Partial<{ providerReference: string | null; receiptId: string | null; sentAt: string }> = {},
) =>
  ({
    type: 'MessageSent',
    data: {
      messageId: MESSAGE,
      inviteeId: INVITEE,
      sentAt: SENT_AT,
      providerReference: '<m@example.org>',
      receiptId: null,
      ...fields,
    },
  }) as const;

const outcome = <T extends 'MessageDelivered' | 'MessageBounced' | 'MessageFailed' | 'MessageComplained'>(
  type: T,
  fields: Partial<MessageOutcome> = {},
) =>
  ({
    type,
    data: {
      messageId: MESSAGE,
      inviteeId: INVITEE,
      at: DELIVERED_AT,
      reason: null,
      receiptId: 'r-1',
      ...fields,
    },
  }) as MessageEvent;

const report = (fields: Partial<RecordDeliveryReport> = {}): RecordDeliveryReport => ({
  type: 'RecordDeliveryReport',
  receiptId: 'r-1',
  status: 'DELIVERED',
  reason: null,
  occurredAt: DELIVERED_AT,
  ...fields,
});

const sentCommand = {
  type: 'RecordMessageSent' as const,
  providerReference: '<m@example.org>',
  now: SENT_AT,
};

describe('QueueMessage', () => {
  it('starts the message at QUEUED, naming the invitee, the invitation, the channel and the kind', () => {
    const state = given(messageDecider, []).when(queueCommand).then([queued()]);
    expect(state).toMatchObject({
      status: 'QUEUED',
      statusAt: QUEUED_AT,
      inviteeId: INVITEE,
      invitationId: 'invitation-1',
      channel: 'EMAIL',
      kind: 'INVITATION',
      sent: false,
    });
  });

  it('changes nothing when the message is queued again (a redelivered notification)', () => {
    given(messageDecider, [queued(), sent()]).when(queueCommand).then([]);
  });
});

describe('RecordMessageSent', () => {
  it('moves a queued message to SENT with the provider’s reference', () => {
    const state = given(messageDecider, [queued()]).when(sentCommand).then([sent()]);
    expect(state).toMatchObject({ status: 'SENT', statusAt: SENT_AT, sent: true });
  });

  it('records the acceptance once, however often the sender says so', () => {
    given(messageDecider, [queued(), sent()]).when(sentCommand).then([]);
    given(messageDecider, [queued(), sent({ receiptId: 'r-0', providerReference: null })])
      .when(sentCommand)
      .then([]);
  });

  it('records an acceptance that arrives after the outcome, which stays', () => {
    const state = given(messageDecider, [queued(), outcome('MessageDelivered')])
      .when(sentCommand)
      .then([sent()]);
    expect(state).toMatchObject({ status: 'DELIVERED', statusAt: DELIVERED_AT, sent: true });
  });

  it('answers NOT_FOUND for a message never queued', () => {
    given(messageDecider, []).when(sentCommand).thenThrows('NOT_FOUND', 'Message not found');
  });
});

describe('RecordDeliveryReport', () => {
  it.each([
    ['DELIVERED', 'MessageDelivered', null],
    ['BOUNCED', 'MessageBounced', '550 5.1.1 mailbox unknown'],
    ['FAILED', 'MessageFailed', 'Twilio error 30003: unreachable destination handset'],
    ['COMPLAINED', 'MessageComplained', 'abuse report'],
  ] as const)('records %s with the provider’s reason', (status, type, reason) => {
    const state = given(messageDecider, [queued(), sent()])
      .when(report({ status, reason }))
      .then([outcome(type, { reason })]);
    expect(state).toMatchObject({ status, statusAt: DELIVERED_AT, reason });
  });

  it('records a receipt once: the same receipt delivered twice adds nothing', () => {
    given(messageDecider, [queued(), sent(), outcome('MessageBounced', { receiptId: 'r-1' })])
      .when(report({ receiptId: 'r-1', status: 'BOUNCED' }))
      .then([]);
    given(messageDecider, [queued(), sent(), outcome('MessageBounced', { receiptId: 'r-1' })])
      .when(report({ receiptId: 'r-1', status: 'DELIVERED', occurredAt: LATER }))
      .then([]);
  });

  it('adds nothing when another receipt reports the status the message already has', () => {
    given(messageDecider, [queued(), sent(), outcome('MessageDelivered')])
      .when(report({ receiptId: 'r-2' }))
      .then([]);
  });

  it('records SENT from a receipt when the sender has not, once', () => {
    const state = given(messageDecider, [queued()])
      .when(report({ status: 'SENT', receiptId: 'r-0', occurredAt: SENT_AT }))
      .then([sent({ providerReference: null, receiptId: 'r-0' })]);
    expect(state).toMatchObject({ status: 'SENT', sent: true });
    given(messageDecider, [queued(), sent()])
      .when(report({ status: 'SENT', receiptId: 'r-0' }))
      .then([]);
  });

  it('keeps an outcome when a SENT arrives after it', () => {
    const state = given(messageDecider, [queued(), outcome('MessageDelivered')])
      .when(report({ status: 'SENT', receiptId: 'r-0', occurredAt: SENT_AT }))
      .then([sent({ providerReference: null, receiptId: 'r-0' })]);
    expect(state).toMatchObject({ status: 'DELIVERED' });
  });

  it('lets a later outcome replace an earlier one: a bounce after delivery, a delivery after a soft bounce', () => {
    const bounced = given(messageDecider, [queued(), sent(), outcome('MessageDelivered')])
      .when(report({ receiptId: 'r-2', status: 'BOUNCED', reason: 'mailbox full', occurredAt: LATER }))
      .then([outcome('MessageBounced', { receiptId: 'r-2', reason: 'mailbox full', at: LATER })]);
    expect(bounced).toMatchObject({ status: 'BOUNCED', statusAt: LATER });
    const delivered = given(messageDecider, [queued(), sent(), outcome('MessageBounced')])
      .when(report({ receiptId: 'r-2', status: 'DELIVERED', occurredAt: LATER }))
      .then([outcome('MessageDelivered', { receiptId: 'r-2', at: LATER })]);
    expect(delivered).toMatchObject({ status: 'DELIVERED', statusAt: LATER });
  });

  it('records an outcome older than the one on record, which stays', () => {
    const state = given(messageDecider, [queued(), sent(), outcome('MessageDelivered', { at: LATER })])
      .when(report({ receiptId: 'r-2', status: 'BOUNCED', reason: 'late', occurredAt: DELIVERED_AT }))
      .then([outcome('MessageBounced', { receiptId: 'r-2', reason: 'late' })]);
    expect(state).toMatchObject({ status: 'DELIVERED', statusAt: LATER, reason: null });
  });

  it('answers NOT_FOUND for a message never queued', () => {
    given(messageDecider, []).when(report()).thenThrows('NOT_FOUND', 'Message not found');
  });
});
