import type { InviteeStatus } from '@invitations/domain';
import type { ProfileField, UploadStatus } from '@invitations/domain';

/**
 * The read models' documents: a contract with the GraphQL queries. Every document carries `_pos`,
 * the global position of the last event applied to it (see `positionKey`), which makes redelivered
 * events no-ops.
 */
interface Positioned {
  _id: string;
  /** Position of the last event applied, as a fixed-width decimal string (`positionKey`). */
  _pos: string;
  /** The read store's `Doc` type is an open record; this keeps the docs assignable to it. */
  [field: string]: unknown;
}

/** One person in one batch (`invitees`, `_id` = inviteeId). */
export interface InviteeDoc extends Positioned {
  organisationId: string;
  batchId: string;
  poolId: string;
  email: string;
  mobile: string | null;
  dateOfBirth: string;
  firstName: string | null;
  middleNames: string | null;
  lastName: string | null;
  preferredName: string | null;
  jobRole: string | null;
  uploadStatus: UploadStatus;
  discrepancies: ProfileField[];
  passportId: string | null;
  state: InviteeStatus;
  stagedAt: string;
  invitedAt: string | null;
  expiresAt: string | null;
  acceptedAt: string | null;
  autoAccepted: boolean;
  invitationId: string | null;
  uploadId: string | null;
  /** Lower-cased, accent-folded "first middle last preferred email mobile" (see `searchText`). */
  search: string;
  /** The tab's order: "<stagedAt|invitedAt|acceptedAt> <_id>" (see `sortKey`). */
  sortKey: string;
}

/** An invitation batch (`batches`, `_id` = batchId). */
export interface BatchDoc extends Positioned {
  organisationId: string;
  poolId: string;
  name: string;
  createdAt: string;
}

/** A resource pool (`pools`, `_id` = poolId). */
export interface PoolDoc extends Positioned {
  organisationId: string;
  name: string;
  createdAt: string;
}

/** A person who accepted into a pool (`members`, `_id` = `${poolId}:${passportId}`). */
export interface MemberDoc extends Positioned {
  organisationId: string;
  poolId: string;
  passportId: string;
  inviteeId: string;
  joinedAt: string;
}

/** A Skills Passport (`passports`, `_id` = passportId). */
export interface PassportDoc extends Positioned {
  email: string;
  mobile: string | null;
  dateOfBirth: string;
  firstName: string;
  middleNames: string | null;
  lastName: string;
  preferredName: string | null;
  /** "first|last|dob", normalised, for possible-duplicate lookups (see `nameKey`). */
  nameKey: string;
  createdAt: string;
}

/** How far a projection has applied the log (`checkpoints`, `_id` = projection name). */
export interface CheckpointDoc {
  _id: string;
  /** The position as a decimal string (bigints do not survive every store). */
  position: string;
  [field: string]: unknown;
}
