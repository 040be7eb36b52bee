export { allProjections, selectProjections } from './all-projections';
export { passportsProjection } from './passports.projection';
export { poolsProjection } from './pools.projection';
export type { Projection, ProjectionName, ProjectionWrite } from './projection';
export type { BatchDoc, CheckpointDoc, InviteeDoc, MemberDoc, PassportDoc, PoolDoc } from './read-model.docs';
export { foldText, nameKey } from './text-keys';
