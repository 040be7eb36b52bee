export { ReadStoreCheckpoints } from './checkpoint-store';
export { CheckpointWatcher } from './checkpoint-watcher';
export { CheckpointedSubscription } from './checkpointed-subscription';
export type { SubscriberLogger } from './checkpointed-subscription';
export { ConfigError, SERVICE_CONFIG, loadConfig } from './config';
export type { ConsoleOidcConfig, ServiceConfig } from './config';
export { ALWAYS_HELD, assertHeld } from './fence';
export type { Fence } from './fence';
export { FencedReadStore } from './fenced-read-store';
export { CHECKPOINTS, NO_POSITION } from './projections/checkpoints';
export { ensureReadModelIndexes } from './projections/indexes';
export { ProjectionRunner } from './projections/projection-runner';
export type {
  ProjectionLogger,
  ProjectionRunnerHealth,
  ProjectionRunnerOptions,
} from './projections/projection-runner';
export { rebuildProjections } from './projections/rebuild';
export type { RebuildProgress } from './projections/rebuild';
export { openEventStore, openNotifier, openReadStore } from './open-stores';
