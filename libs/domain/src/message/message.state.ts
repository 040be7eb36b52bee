import type { DeliveryStatus } from './delivery-status';
import type { MessageChannel, MessageKind } from './message.events';

export type MessageState =
  | { status: 'absent' }
  | {
      status: DeliveryStatus;
      /** When the status was reported. */
      statusAt: string;
      /** The provider's reason for the status (a bounce, failure or complaint); null otherwise. */
      reason: string | null;
      messageId: string;
      inviteeId: string;
      invitationId: string | null;
      channel: MessageChannel;
      kind: MessageKind;
      /** Whether the provider's acceptance (MessageSent) is on record. */
      sent: boolean;
      /** The status each report said, by receipt id: a receipt seen before is not recorded again. */
      receipts: Readonly<Record<string, DeliveryStatus>>;
    };
