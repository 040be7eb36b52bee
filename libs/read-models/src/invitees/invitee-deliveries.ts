import {
  bestDeliveryStatus,
  MESSAGE_EVENT_TYPES,
  reportOf,
  statusAfterReport,
  type DeliveryStatus,
  type MessageEvent,
} from '@invitations/domain';
import type { InviteeDoc, MessageDeliveryDoc } from './invitee.document';

/** One empty list for every invitee without messages, rather than one each. */
const NO_DELIVERIES: readonly MessageDeliveryDoc[] = Object.freeze([]);

/** The invitee's messages (none in a document written before messages were recorded). */
export const deliveriesOf = (doc: InviteeDoc): readonly MessageDeliveryDoc[] =>
  doc.deliveries ?? NO_DELIVERIES;

/** The events of messages' streams the invitees read model follows: each names its invitee. */
export const MESSAGE_EVENTS: ReadonlySet<string> = new Set(MESSAGE_EVENT_TYPES);

/** The best status among the messages of the invitation (null before any of its messages). */
export function deliveryStatusOf(
  deliveries: readonly MessageDeliveryDoc[],
  invitationId: string | null,
): DeliveryStatus | null {
  return bestDeliveryStatus(
    deliveries
      .filter((delivery) => delivery.invitationId === invitationId)
      .map((delivery) => delivery.status),
  );
}

/** The fields of an invitee that a message's event changes: its messages, and the status of its invitation. */
export function afterMessageEvent(
  doc: InviteeDoc,
  event: MessageEvent,
): Pick<InviteeDoc, 'deliveries' | 'deliveryStatus'> {
  const current = deliveriesOf(doc);
  let deliveries: readonly MessageDeliveryDoc[];
  if (event.type === 'MessageQueued') {
    const { messageId, invitationId, channel, kind, queuedAt } = event.data;
    if (current.some((delivery) => delivery.messageId === messageId)) return pick(doc);
    // Newest first: a message is queued after every message already listed.
    const queued = {
      messageId,
      invitationId,
      channel,
      kind,
      status: 'QUEUED' as const,
      at: queuedAt,
      reason: null,
    };
    deliveries = [queued, ...current];
  } else {
    const report = reportOf(event)!;
    const reason = event.type === 'MessageSent' ? null : event.data.reason;
    deliveries = current.map((delivery) => {
      if (delivery.messageId !== event.data.messageId) return delivery;
      const next = statusAfterReport(delivery, report);
      return next === report ? { ...delivery, status: next.status, at: next.at, reason } : delivery;
    });
  }
  return { deliveries, deliveryStatus: deliveryStatusOf(deliveries, doc.invitationId) };
}

const pick = (doc: InviteeDoc) => ({
  deliveries: deliveriesOf(doc),
  deliveryStatus: doc.deliveryStatus ?? null,
});

/** A new document's: no message yet. */
export const noDeliveries = (): Pick<InviteeDoc, 'deliveries' | 'deliveryStatus'> => ({
  deliveries: NO_DELIVERIES,
  deliveryStatus: null,
});
