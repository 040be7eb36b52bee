import { MESSAGE_NOT_FOUND, messageDecider, messageStreamId } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { decideOn } from '../decide';
import { deriveId, ServiceError } from '@invitations/kernel';
import type { DeliveryReceipt } from '@invitations/notifications';
import type { Written } from '../ports';

/** Who delivers a receipt: a provider, on no organisation's behalf (the message's own is recorded). */
export interface ReceiptContext {
  correlationId: string;
  now: Date;
}

/**
 * Records a provider's delivery receipt (already verified) on its message's stream: NOT_FOUND for a message this
 * service never queued. A receipt delivered twice is recorded once: the command's id derives from the receipt's,
 * and the message remembers the receipts it recorded. The events belong to the message's organisation.
 */
export async function recordDeliveryReceipt(
  deps: { store: EventStore },
  context: ReceiptContext,
  receipt: DeliveryReceipt,
): Promise<Written> {
  const streamId = messageStreamId(receipt.messageId);
  const organisationId = await organisationOfMessage(deps.store, streamId);
  return decideOn(
    deps.store,
    streamId,
    messageDecider,
    {
      type: 'RecordDeliveryReport',
      receiptId: receipt.receiptId,
      status: receipt.status,
      reason: receipt.reason,
      occurredAt: receipt.occurredAt ?? context.now.toISOString(),
    },
    {
      organisationId,
      actor: null,
      correlationId: context.correlationId,
      commandId: deriveId('delivery-receipt', receipt.messageId, receipt.receiptId),
      now: context.now,
    },
  );
}

async function organisationOfMessage(store: EventStore, streamId: string): Promise<string | null> {
  for await (const event of store.readStream(streamId, { maxCount: 1 })) return event.metadata.organisationId;
  throw new ServiceError('NOT_FOUND', MESSAGE_NOT_FOUND);
}
