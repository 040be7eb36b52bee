import { fold } from '@invitations/kernel';
import { messageDecider, messageStreamId, type MessageEvent } from '@invitations/domain';
import type { EventLogReader } from '@invitations/event-store';
import type { MessageDeliveryDoc } from '@invitations/read-models';
import { recordedBy } from './audit-record';

/** One message as it stood at an instant: what the invitees read model shows of it now, as of then. */
export type DeliveryAsOf = MessageDeliveryDoc;

/**
 * The messages of an invitee as they stood at `asOf`, rebuilt from their own streams (`message-<id>`), in the order
 * given (newest first): a message queued after `asOf` was not there yet, and a receipt recorded after it had not
 * come yet.
 */
export async function deliveriesAsOf(
  log: Pick<EventLogReader, 'readStream'>,
  messageIds: readonly string[],
  asOf: Date,
): Promise<DeliveryAsOf[]> {
  const deliveries: DeliveryAsOf[] = [];
  for (const messageId of messageIds) {
    const events: MessageEvent[] = [];
    for await (const event of log.readStream(messageStreamId(messageId))) {
      if (!recordedBy(event, asOf)) break;
      events.push({ type: event.type, data: event.data } as MessageEvent);
    }
    const message = fold(messageDecider, events);
    if (message.status === 'absent') continue;
    const { invitationId, channel, kind, status, statusAt, reason } = message;
    deliveries.push({ messageId, invitationId, channel, kind, status, at: statusAt, reason });
  }
  return deliveries;
}
