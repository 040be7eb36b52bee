import type { Logger, Clock } from '@invitations/kernel';
import type { EventStore } from '@invitations/event-store';
import { InvitationNotifications } from './invitation-notifications';
import type { Notifier } from '@invitations/notifications';
import type { CheckpointStore } from '@invitations/runtime';
import { CheckpointedSubscription } from '@invitations/runtime';
import { ALWAYS_HELD, assertHeld, type Fence } from '@invitations/runtime';

/** The notification process manager's checkpoint name in the checkpoint store. */
export const NOTIFICATIONS_SUBSCRIPTION = 'invitation-notifications';

export interface NotificationSubscriptionOptions {
  notifier: Notifier;
  publicBaseUrl: string;
  clock: Clock;
  /** The secret invitation tokens are derived with. */
  tokenSecret: Uint8Array;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Checked before each event is handled: a process that lost its lease sends nothing more. */
  fence?: Fence;
}

/**
 * The invitation process manager (issue tokens, send the messages) driven by the global log from its
 * checkpoint. A refused event (fence lost) fails the subscription before anything is sent, and its
 * checkpoint is not saved, so it stays before that event and whoever holds the lease now handles it.
 */
export function notificationSubscription(
  store: EventStore,
  checkpoints: CheckpointStore,
  options: NotificationSubscriptionOptions,
): CheckpointedSubscription {
  const manager = new InvitationNotifications(store, options.notifier, {
    publicBaseUrl: options.publicBaseUrl,
    clock: options.clock,
    tokenSecret: options.tokenSecret,
  });
  const fence = options.fence ?? ALWAYS_HELD;
  return new CheckpointedSubscription(
    NOTIFICATIONS_SUBSCRIPTION,
    store,
    checkpoints,
    async (event) => {
      if (!InvitationNotifications.handles(event)) return;
      assertHeld(fence, 'sending messages');
      await manager.handle(event);
    },
    options.logger,
    fence,
  );
}
