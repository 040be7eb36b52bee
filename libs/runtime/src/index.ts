export { InMemoryCheckpoints, NO_POSITION } from './checkpoint-store';
export type { CheckpointStore } from './checkpoint-store';
export { CheckpointWatcher } from './checkpoint-watcher';
export { CheckpointedSubscription } from './checkpointed-subscription';
export {
  CheckpointedBatchSubscription,
  type CheckpointedBatchSubscriptionOptions,
} from './checkpointed-batch-subscription';
export { ConfigError, SERVICE_CONFIG, loadConfig } from './config';
export type { ConsoleOidcConfig, ServiceConfig } from './config';
export type { JwtConfig } from './jwt-config';
export { LOG_LEVELS, type HardeningSettings, type LogLevel, type TrustProxy } from './hardening-settings';
export { ALWAYS_HELD, FenceLostError, assertHeld } from './fence';
export { RunningJobs } from './jobs/running-jobs';
export type { RunJob, RunningJobsHealth, RunningJobsOptions } from './jobs/running-jobs';
export type { Fence } from './fence';
export type { Lease, LeaseStore } from './lease/lease';
export { LeaseKeeper } from './lease/lease-keeper';
export type { LeaseLoss } from './lease/lease-keeper';
export type { MongoLease, MongoLeaseOptions } from './lease/mongo-lease';
export { connectMongoReadModels } from './mongo/connect';
export type { MongoConnectOptions, MongoReadModelStores } from './mongo/mongo-read-model-stores';
export { openEventStore, openNotifier, openReadModels } from './open-stores';
export { openKeyStore, personalDataOptions } from './personal-data';
export { ProjectionRunner } from './projections/projection-runner';
export type { ProjectionRunnerHealth, ProjectionRunnerOptions } from './projections/projection-runner';
export type { ProjectionTarget } from './projections/projection-target';
export { rebuildProjections } from './projections/rebuild';
export type { RebuildProgress, RebuildResult } from './projections/rebuild';
export { InMemoryReadModelStores, READ_MODELS } from './read-model-stores';
export type { ReadModelStores } from './read-model-stores';
