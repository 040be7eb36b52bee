import type { EventStore } from '../../../event-store/src/event-store.port';
import { InvitationNotifications } from '../../../notifications/src/invitation-notifications';
import type { Notifier } from '../../../notifications/src/notifier.port';
import type { ReadStore } from '../../../read-store/src/read-store.port';
import { ReadStoreCheckpoints } from '../checkpoint-store';
import { CheckpointedSubscription, type SubscriberLogger } from '../checkpointed-subscription';
import type { Clock } from '../clock';
import { ALWAYS_HELD, assertHeld, type Fence } from './fence';

/** The notification process manager's checkpoint name in the `checkpoints` collection. */
export const NOTIFICATIONS_SUBSCRIPTION = 'invitation-notifications';

export interface NotificationSubscriptionOptions {
  notifier: Notifier;
  publicBaseUrl: string;
  clock: Clock;
  logger: SubscriberLogger;
  /** Checked before each event is handled: a process that lost its lease sends nothing more. */
  fence?: Fence;
}

/**
 * The invitation process manager (issue tokens, send the messages) driven by the global log from its
 * checkpoint in the read store. A refused event (fence lost) fails the subscription before anything is sent,
 * so its checkpoint stays before that event and whoever holds the lease now handles it.
 */
export function notificationSubscription(
  store: EventStore,
  readStore: ReadStore,
  options: NotificationSubscriptionOptions,
): CheckpointedSubscription {
  const manager = new InvitationNotifications(store, options.notifier, {
    publicBaseUrl: options.publicBaseUrl,
    clock: options.clock,
  });
  const fence = options.fence ?? ALWAYS_HELD;
  return new CheckpointedSubscription(
    NOTIFICATIONS_SUBSCRIPTION,
    store,
    new ReadStoreCheckpoints(readStore),
    async (event) => {
      if (!InvitationNotifications.handles(event)) return;
      assertHeld(fence, 'sending invitations');
      await manager.handle(event);
    },
    options.logger,
  );
}
