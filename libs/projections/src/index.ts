/**
 * The read models and what builds them: projections of the event store's global log, run by the
 * ProjectionRunner (live) or rebuildProjections (ops), over any ReadStore.
 */
export type { BatchDoc, CheckpointDoc, InviteeDoc, MemberDoc, PassportDoc, PoolDoc } from './read-model.docs';
export type { Projection, ProjectionName, ProjectionWrite } from './projection';
export { positionKey } from './projection';
export { allProjections, isProjectionName, selectProjections } from './all-projections';
export { inviteesProjection } from './invitees.projection';
export { batchesProjection } from './batches.projection';
export { poolsProjection } from './pools.projection';
export { memberId, membersProjection } from './members.projection';
export { passportsProjection } from './passports.projection';
export { CHECKPOINTS, loadCheckpoints, NO_POSITION } from './checkpoints';
export { ensureReadModelIndexes } from './indexes';
export type { CollectionNaming, EnsureIndexesOptions } from './indexes';
export { ProjectionRunner } from './projection-runner';
export type { ProjectionLogger, ProjectionRunnerHealth, ProjectionRunnerOptions } from './projection-runner';
export { previousCollection, rebuildProjections } from './rebuild';
export type { RebuildOptions, RebuildPhase, RebuildProgress, RebuildResult } from './rebuild';
export { foldText, nameKey, searchText, sortKey } from './text-keys';

/** The read models' collection names, for the queries. */
export const READ_MODELS = {
  invitees: 'invitees',
  batches: 'batches',
  pools: 'pools',
  members: 'members',
  passports: 'passports',
  checkpoints: 'checkpoints',
} as const;

/** Injection token of the ProjectionRunner, for the apps' modules. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
