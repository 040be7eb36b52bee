export type { AuditEntryDoc } from './audit/audit-entry.document';
export type { AuditLog, AuditPage, AuditQuery } from './audit/audit.port';
export { auditProjection } from './audit/audit.projection';
export { allProjections, definedProjections, isProjectionName, selectProjections } from './all-projections';
export type { BatchDoc } from './batches/batch.document';
export type { Batches } from './batches/batches.port';
export { batchesProjection } from './batches/batches.projection';
export { foldText } from './fold-text';
export { InMemoryReadModels } from './in-memory-read-models';
export type { InviteeDoc, MessageDeliveryDoc } from './invitees/invitee.document';
export { INVITEE_STATES } from './invitees/invitees.port';
export type {
  BatchCounts,
  DueInvitation,
  Invitees,
  SeatsTaken,
  TabPage,
  TabRequest,
} from './invitees/invitees.port';
export { inviteesProjection } from './invitees/invitees.projection';
export { MAX_PAGE } from './invitees/tab-order';
export { isDuplicateKeyError } from './mongo/duplicate-keys';
export { MongoReadModels } from './mongo-read-models';
export { passportOf, type PassportDoc } from './passports/passport.document';
export type { Passports } from './passports/passports.port';
export { passportsProjection } from './passports/passports.projection';
export { possibleDuplicateKey } from './passports/possible-duplicate-key';
export type { MemberDoc, PoolDoc } from './pools/pool.document';
export type { Pools } from './pools/pools.port';
export { memberId, membersProjection, poolsProjection } from './pools/pools.projection';
export type { DocumentChange, DocumentStore } from './projection/document-store';
export { positionKey } from './projection/projection';
export type { Positioned, Projection, ProjectionName } from './projection/projection';
export { previousVersion } from './projection/read-model-storage';
export type { ReadModelStorage } from './projection/read-model-storage';
export type { ReadModelSet } from './read-model-set';
export type { UploadDoc } from './uploads/upload.document';
export type { Uploads } from './uploads/uploads.port';
export { uploadsProjection } from './uploads/uploads.projection';
