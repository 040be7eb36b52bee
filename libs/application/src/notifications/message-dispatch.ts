import type { EventStore, RecordedEvent } from '@invitations/event-store';
import { handleCommand } from '@invitations/event-store';
import {
  messageDecider,
  messageStreamId,
  type MessageChannel,
  type MessageCommand,
  type MessageKind,
} from '@invitations/domain';
import { deriveId, ServiceError, type Clock, type CommandContext } from '@invitations/kernel';
import type { Notifier, OutgoingMessage, OutgoingMessageKind } from '@invitations/notifications';

/** One message to send, and the invitation whose link it carries (null for a message of no invitation). */
export interface MessageToSend {
  message: OutgoingMessage;
  invitationId: string | null;
}

/** A message to send, and the event of the log that causes it. */
export interface CausedMessage extends MessageToSend {
  cause: RecordedEvent;
}

const CHANNELS: Record<OutgoingMessage['channel'], MessageChannel> = { email: 'EMAIL', sms: 'SMS' };
const KINDS: Record<OutgoingMessageKind, MessageKind> = {
  invitation: 'INVITATION',
  reminder: 'REMINDER',
  'added-to-pool': 'ADDED_TO_POOL',
};

/**
 * Sends the messages an event of the log causes, and records what becomes of each in its own stream
 * (`message-<id>`): every message, whatever its kind, gets an id, a kind and a delivery status.
 *
 * 1. Each message is recorded QUEUED before it leaves (so a provider's receipt, however quick, finds it).
 * 2. The notifier sends them (the outbox writes them; SMTP and Twilio hand them to the provider).
 * 3. What the notifier says of each is recorded: SENT once the provider accepted it (with its reference), FAILED
 *    when it refused it for good; a message written to the outbox stays QUEUED until a receipt says more.
 *
 * Every step is safe to repeat: the commands' ids derive from the causing event and the message, queuing a
 * message twice changes nothing, and a message's acceptance is recorded once. After a crash between 2 and 3, the
 * notifier (which remembers what it handed over across restarts) answers for step 3 on redelivery, through
 * `recordHandovers`, without sending again.
 *
 * Many events' messages go together (`sendAll`): their streams are appended at once (the embedded store commits
 * concurrent appends in one write), and the notifier gets them in one call (the outbox: one write, one fsync).
 */
export class MessageDispatch {
  constructor(
    private readonly store: EventStore,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async send(messages: readonly MessageToSend[], cause: RecordedEvent): Promise<void> {
    await this.sendAll(messages.map((toSend) => ({ ...toSend, cause })));
    await this.recordHandovers(
      messages.map(({ message }) => message.id),
      cause,
    );
  }

  /**
   * Steps 1 and 2 for the messages of many events: all queued, then all handed to the notifier in one call. What
   * the notifier says of each is for `recordHandovers` (the caller knows every message id its events may have).
   */
  async sendAll(messages: readonly CausedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await Promise.all(messages.map((toSend) => this.queue(toSend, toSend.cause)));
    await this.notifier.send(messages.map(({ message }) => message));
  }

  /** Records, for each of these messages the notifier handed over, what it says became of it. */
  async recordHandovers(messageIds: readonly string[], cause: RecordedEvent): Promise<void> {
    await Promise.all(messageIds.map((messageId) => this.recordHandover(messageId, cause)));
  }

  private async recordHandover(messageId: string, cause: RecordedEvent): Promise<void> {
    const handover = await this.notifier.handoverOf(messageId);
    if (handover === null || handover.status === 'QUEUED') return;
    const now = this.clock.now().toISOString();
    const command: MessageCommand =
      handover.status === 'SENT'
        ? { type: 'RecordMessageSent', providerReference: handover.providerReference, now }
        : {
            type: 'RecordDeliveryReport',
            receiptId: `handover:${messageId}`,
            status: 'FAILED',
            reason: handover.reason,
            occurredAt: now,
          };
    await this.onMessage(messageId, command, cause, `handover-${handover.status}`).catch(
      ignoreUnknownMessage,
    );
  }

  private async queue({ message, invitationId }: MessageToSend, cause: RecordedEvent): Promise<void> {
    const command: MessageCommand = {
      type: 'QueueMessage',
      messageId: message.id,
      inviteeId: message.inviteeId,
      invitationId,
      channel: CHANNELS[message.channel],
      kind: KINDS[message.kind],
      now: this.clock.now().toISOString(),
    };
    await this.onMessage(message.id, command, cause, 'queue');
  }

  private onMessage(messageId: string, command: MessageCommand, cause: RecordedEvent, step: string) {
    const context: CommandContext = {
      organisationId: cause.metadata.organisationId,
      actor: null,
      correlationId: cause.metadata.correlationId,
      commandId: deriveId(cause.id, 'message', messageId, step),
      now: this.clock.now(),
    };
    return handleCommand(this.store, messageStreamId(messageId), messageDecider, () => command, context);
  }
}

/** A message handed over before messages were recorded (a log older than this feature) has no stream to add to. */
function ignoreUnknownMessage(error: unknown): void {
  if (error instanceof ServiceError && error.code === 'NOT_FOUND') return;
  throw error;
}
