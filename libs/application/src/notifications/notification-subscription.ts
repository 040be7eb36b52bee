import type { Logger, Clock } from '@invitations/kernel';
import type { EventStore } from '@invitations/event-store';
import { InvitationNotifications } from './invitation-notifications';
import type { Notifier } from '@invitations/notifications';
import type { CheckpointStore } from '@invitations/runtime';
import { CheckpointedBatchSubscription } from '@invitations/runtime';
import { ALWAYS_HELD, type Fence } from '@invitations/runtime';

/** The notification process manager's checkpoint name in the checkpoint store. */
export const NOTIFICATIONS_SUBSCRIPTION = 'invitation-notifications';

export interface NotificationSubscriptionOptions {
  notifier: Notifier;
  publicBaseUrl: string;
  clock: Clock;
  /** The secret invitation tokens are derived with. */
  tokenSecret: Uint8Array;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Checked before each batch is handled: a process that lost its lease sends nothing more. */
  fence?: Fence;
  /** The events handled together (default 500): their messages are made durable in one write. */
  batchSize?: number;
}

/**
 * The invitation process manager (issue tokens, send the messages) driven by the global log from its
 * checkpoint, a batch of events at a time (the messages of up to `batchSize` events in one outbox write). A refused
 * batch (fence lost) fails the subscription before anything is sent, and its checkpoint is not saved, so it stays
 * before those events and whoever holds the lease now handles them.
 */
export function notificationSubscription(
  store: EventStore,
  checkpoints: CheckpointStore,
  options: NotificationSubscriptionOptions,
): CheckpointedBatchSubscription {
  const manager = new InvitationNotifications(store, options.notifier, {
    publicBaseUrl: options.publicBaseUrl,
    clock: options.clock,
    tokenSecret: options.tokenSecret,
  });
  return new CheckpointedBatchSubscription(
    NOTIFICATIONS_SUBSCRIPTION,
    store,
    checkpoints,
    (events) => manager.handleBatch(events),
    {
      handles: (event) => InvitationNotifications.handles(event),
      batchSize: options.batchSize,
      logger: options.logger,
      fence: options.fence ?? ALWAYS_HELD,
    },
  );
}
