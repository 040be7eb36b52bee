import { decideByType, ServiceError, type Decider } from '@invitations/kernel';
import {
  deliveryReason,
  statusAfterReport,
  type DeliveryStatus,
  type ReportedStatus,
} from './delivery-status';
import type {
  MessageCommand,
  QueueMessage,
  RecordDeliveryReport,
  RecordMessageSent,
} from './message.commands';
import type { MessageEvent, MessageOutcomeEvent } from './message.events';
import type { MessageState } from './message.state';

export const MESSAGE_NOT_FOUND = 'Message not found.';

type KnownMessage = Exclude<MessageState, { status: 'absent' }>;

function requireMessage(state: MessageState): KnownMessage {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', MESSAGE_NOT_FOUND);
  return state;
}

/** The first event of a message's stream; queuing it again (a redelivered notification) changes nothing. */
function queueMessage(command: QueueMessage, state: MessageState): MessageEvent[] {
  if (state.status !== 'absent') return [];
  const { messageId, inviteeId, invitationId, channel, kind, now } = command;
  return [
    { type: 'MessageQueued', data: { messageId, inviteeId, invitationId, channel, kind, queuedAt: now } },
  ];
}

/** The provider accepted the message: on record once, however often the sender says so. */
function recordMessageSent(command: RecordMessageSent, state: MessageState): MessageEvent[] {
  const message = requireMessage(state);
  if (message.sent) return [];
  const { messageId, inviteeId } = message;
  const { providerReference, now } = command;
  return [
    { type: 'MessageSent', data: { messageId, inviteeId, sentAt: now, providerReference, receiptId: null } },
  ];
}

const OUTCOME_EVENT: Record<Exclude<ReportedStatus, 'SENT'>, MessageOutcomeEvent['type']> = {
  DELIVERED: 'MessageDelivered',
  BOUNCED: 'MessageBounced',
  FAILED: 'MessageFailed',
  COMPLAINED: 'MessageComplained',
};

/**
 * A provider's report. Recorded once per receipt, and only when it says something new: a report of the status the
 * message already has, or of its acceptance once that is on record, is nothing to add. The reason is kept without
 * the address or number it may quote.
 */
function recordDeliveryReport(command: RecordDeliveryReport, state: MessageState): MessageEvent[] {
  const message = requireMessage(state);
  const { receiptId, status, reason, occurredAt } = command;
  if (receiptId in message.receipts) return [];
  const { messageId, inviteeId } = message;
  if (status === 'SENT') {
    if (message.sent) return [];
    const data = { messageId, inviteeId, sentAt: occurredAt, providerReference: null, receiptId };
    return [{ type: 'MessageSent', data }];
  }
  if (message.status === status) return [];
  const data = { messageId, inviteeId, at: occurredAt, reason: deliveryReason(reason), receiptId };
  return [{ type: OUTCOME_EVENT[status], data }];
}

const decideMessage = decideByType<MessageCommand, MessageEvent, MessageState>({
  QueueMessage: queueMessage,
  RecordMessageSent: recordMessageSent,
  RecordDeliveryReport: recordDeliveryReport,
});

const REPORTED: Record<MessageOutcomeEvent['type'], DeliveryStatus> = {
  MessageDelivered: 'DELIVERED',
  MessageBounced: 'BOUNCED',
  MessageFailed: 'FAILED',
  MessageComplained: 'COMPLAINED',
};

/** The status an event of a message's stream reports, and when (null for its first event). */
export function reportOf(event: MessageEvent): { status: DeliveryStatus; at: string } | null {
  switch (event.type) {
    case 'MessageQueued':
      return null;
    case 'MessageSent':
      return { status: 'SENT', at: event.data.sentAt };
    default:
      return { status: REPORTED[event.type], at: event.data.at };
  }
}

function evolveMessage(state: MessageState, event: MessageEvent): MessageState {
  if (event.type === 'MessageQueued') {
    if (state.status !== 'absent') return state;
    const { queuedAt, ...queued } = event.data;
    return { status: 'QUEUED', statusAt: queuedAt, reason: null, ...queued, sent: false, receipts: {} };
  }
  if (state.status === 'absent') return state;
  const report = reportOf(event)!;
  const next = statusAfterReport({ status: state.status, at: state.statusAt }, report);
  const { receiptId } = event.data;
  const changed = next === report;
  return {
    ...state,
    status: next.status,
    statusAt: next.at,
    reason: !changed ? state.reason : event.type === 'MessageSent' ? null : event.data.reason,
    sent: state.sent || event.type === 'MessageSent',
    receipts: receiptId === null ? state.receipts : { ...state.receipts, [receiptId]: report.status },
  };
}

/** Stream `message-<messageId>`: one email or text message, from queued to what its provider last reported. */
export const messageDecider: Decider<MessageCommand, MessageEvent, MessageState> = {
  decide: decideMessage,
  evolve: evolveMessage,
  initialState: () => ({ status: 'absent' }),
};

/** The stream of one message. Its id is a UUID derived from the event that caused it: no personal data. */
export const messageStreamId = (messageId: string): string => `message-${messageId}`;
