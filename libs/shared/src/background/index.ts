/**
 * The background work both the gateway and the projector run, as plain classes (no Nest): projections,
 * the invitation process manager, the expiry sweep; and what a gateway that does not run them uses to wait
 * for the read models.
 */
export { BackgroundWork, type BackgroundWorkHealth, type BackgroundWorkOptions } from './background-work';
export { CheckpointWatcher, type CheckpointWatcherOptions } from './checkpoint-watcher';
export { ExpirySweep, type ExpirySweepLogger, type ExpirySweepOptions } from './expiry-sweep';
export { ALWAYS_HELD, assertHeld, FenceLostError, type Fence } from './fence';
export { FencedReadStore } from './fenced-read-store';
export {
  NOTIFICATIONS_SUBSCRIPTION,
  notificationSubscription,
  type NotificationSubscriptionOptions,
} from './notification-subscription';
