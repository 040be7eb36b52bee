export { batchDecider } from './batch/batch.decider';
export type { BatchCreated, BatchEvent, BatchUpdated } from './batch/batch.events';
export type { BatchState } from './batch/batch.state';
export {
  daysAfter,
  invitationSchedule,
  invitationTermsOf,
  MAX_INVITATION_DAYS,
  reminderBefore,
  requireWholeDays,
  type InvitationTerms,
  type InvitationTermsOverride,
} from './organisation/invitation-terms';
export { organisationDecider } from './organisation/organisation.decider';
export type { OrganisationEvent, OrganisationUpdated } from './organisation/organisation.events';
export type { OrganisationState } from './organisation/organisation.state';
export { inviteeView } from './invitee/invitee-view';
export type { InviteeView } from './invitee/invitee-view';
export type { InviteeCommand } from './invitee/invitee.commands';
export { inviteeDecider } from './invitee/invitee.decider';
export type {
  InvitationAccepted,
  InvitationDeclined,
  InvitationExtended,
  InvitationResent,
  InvitationSent,
  InviteeEvent,
  InviteeReclassified,
  InviteeReminded,
  InviteeStaged,
  MemberRemoved,
} from './invitee/invitee.events';
export type { Reinvitation } from './invitee/invitee.commands';
export type { InviteeState, InviteeStatus } from './invitee/invitee.state';
export { passportDecider } from './passport/passport.decider';
export type { PassportEvent } from './passport/passport.events';
export type { Passport } from './passport/passport';
export type { Classification } from './person/classification';
export { classifyPerson } from './person/classify-person';
export { isGiven } from './person/is-given';
export { missingNamesForNewPerson, requireNamesForNewPerson } from './person/names-required';
export {
  PERSON_DETAIL_FIELDS,
  copyPersonDetails,
  personDetailValues,
  personFromValues,
  type PersonDetailValues,
} from './person/person-details-fields';
export type { PersonDetails, ProfileField, UploadStatus } from './person/person-details';
export { PROFILE_FIELDS } from './person/profile-fields';
export { parseDateOfBirth, validatePerson } from './person/validate-person';
export { isEmailAddress } from './person/email-address';
export type { PersonField, PersonInput, PersonRules } from './person/validate-person';
export { passportKeyDecider } from './reservation/passport-key.decider';
export { poolSeatDecider } from './reservation/pool-seat.decider';
export type { PoolSeatEvent, ReservationKey } from './reservation/reservation.events';
export {
  batchStreamId,
  inviteeStreamId,
  organisationStreamId,
  passportKeyStreamId,
  PERSONAL_KEYED_STREAM_PREFIXES,
  passportStreamId,
  poolSeatStreamId,
  poolStreamId,
  uploadStreamId,
} from './reservation/stream-ids';
export { resourcePoolDecider } from './resource-pool/resource-pool.decider';
export type {
  ResourcePoolCreated,
  ResourcePoolEvent,
  ResourcePoolRenamed,
} from './resource-pool/resource-pool.events';
export { DETAILS_DIFFER_FOR_INVITEE_MESSAGE, UNUSABLE_TOKEN_MESSAGE } from './invitee/invitee.messages';
export { collectUploadRows, fromRowValues, toRowValues } from './upload/upload-rows';
export type {
  CancelUpload,
  ConfirmationCounts,
  RecordUploadPreview,
  RecordUploadRows,
  UploadCommand,
} from './upload/upload.commands';
export {
  recordUploadRows,
  uploadDecider,
  UPLOAD_ALREADY_CONFIRMED_MESSAGE,
  UPLOAD_CANCELLED_MESSAGE,
  UPLOAD_EXPIRED_MESSAGE,
  UPLOAD_INCOMPLETE_MESSAGE,
} from './upload/upload.decider';
export type {
  ConfirmationEvent,
  UploadConfirmationCancelled,
  UploadConfirmationFailed,
  UploadConfirmationProgressed,
  UploadConfirmationStarted,
  UploadPreviewCancelled,
} from './upload/confirmation.events';
export {
  countMatching,
  matchesRowFilter,
  noRowCounts,
  rowCategory,
  type ChunkRowCounts,
  type RowFilter,
} from './upload/row-counts';
export { evolveConfirmationJob, uploadStateAt, type UploadLifeState } from './upload/confirmation-job';
export { DUPLICATE_REASONS } from './upload/upload.events';
export type {
  DuplicateReason,
  UploadCohort,
  UploadConfirmed,
  UploadEvent,
  UploadPreviewed,
  UploadRow,
  UploadRowValues,
  UploadRowsRecorded,
} from './upload/upload.events';
export type {
  ConfirmationJob,
  ConfirmationState,
  RecordedUploadState,
  UploadState,
  UploadStatusInLife,
} from './upload/upload.state';
export {
  acceptabilityOf,
  detailsDifferForInvitee,
  unusableToken,
  type Acceptability,
} from './invitee/acceptance.decisions';
export { MAX_INVITATION_MESSAGE_LENGTH, requireInvitationMessage } from './invitee/invitation-message';
export { NAMES_REQUIRED_MESSAGE } from './person/names-required';
export {
  bestDeliveryStatus,
  deliveryReason,
  DELIVERY_STATUSES,
  FAILED_DELIVERY_STATUSES,
  isFailedDelivery,
  statusAfterReport,
  type DeliveryStatus,
  type FailedDeliveryStatus,
  type ReportedStatus,
  type StatusAt,
} from './message/delivery-status';
export type { MessageCommand, QueueMessage, RecordDeliveryReport } from './message/message.commands';
export { MESSAGE_NOT_FOUND, messageDecider, messageStreamId, reportOf } from './message/message.decider';
export { MESSAGE_EVENT_TYPES } from './message/message.events';
export type {
  MessageChannel,
  MessageEvent,
  MessageKind,
  MessageOutcome,
  MessageQueued,
  MessageSent,
} from './message/message.events';
export type { MessageState } from './message/message.state';
export { freeTextProblem, requireFreeText, type FreeTextRules } from './shared/free-text';
export { ERASED, erasedPassport, erasedPerson } from './personal-data/erased';
export {
  KEY_DESTROYING_EVENT_TYPES,
  PERSONAL_DATA_RULES,
  type PersonalDataRule,
} from './personal-data/personal-data-rules';
export type { EraseInvitee, ErasureReason } from './invitee/invitee.commands';
export type { InviteeErased } from './invitee/invitee.events';
export type { PassportErased } from './passport/passport.events';
export type { UploadRowsShredded } from './upload/confirmation.events';
