import type { InviteeStatus, ProfileField, UploadStatus } from '@invitations/domain';
import type { Positioned } from '../projection/projection';

/** One person in one batch (`invitees`, `_id` = inviteeId): a contract with the GraphQL resolvers. */
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
  declinedAt: string | null;
  /** When the current invitation's reminder is due (null: none). */
  remindAt: string | null;
  /** When the person was reminded of the current invitation (null: not yet). */
  remindedAt: string | null;
  invitationId: string | null;
  uploadId: string | null;
  /** Lower-cased, accent-folded "first middle last preferred email mobile" (see `searchText`). */
  search: string;
  /** The tab's order: "<stagedAt|invitedAt|acceptedAt> <_id>" (see `sortKey`). */
  sortKey: string;
}
