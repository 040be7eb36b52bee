import type {
  DeliveryStatus,
  InviteeStatus,
  MessageChannel,
  MessageKind,
  ProfileField,
  UploadStatus,
} from '@invitations/domain';
import type { Positioned } from '../projection/projection';

/** One message sent to the invitee, with what its provider last reported (GraphQL `MessageDelivery`). */
export interface MessageDeliveryDoc {
  messageId: string;
  /** The invitation whose link it carried; null for a message of no invitation. */
  invitationId: string | null;
  channel: MessageChannel;
  kind: MessageKind;
  status: DeliveryStatus;
  /** When the status was reported. */
  at: string;
  /** The provider's reason for a bounce, failure or complaint. */
  reason: string | null;
}

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
  /** Every message sent to the person, newest first (absent from documents written before messages were). */
  deliveries?: readonly MessageDeliveryDoc[];
  /** The best status among the current invitation's messages; null before any message. */
  deliveryStatus?: DeliveryStatus | null;
  /** Lower-cased, accent-folded "first middle last preferred email mobile" (see `searchText`). */
  search: string;
  /** The tab's order: "<stagedAt|invitedAt|acceptedAt> <_id>" (see `sortKey`). */
  sortKey: string;
  /** Their personal data was erased: the person's fields read `[erased]`, and nothing finds them by it. */
  erased?: boolean;
  /** When their invitation was declined, revoked or expired (null while pending or accepted): for retention. */
  closedAt?: string | null;
}
