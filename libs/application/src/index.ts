/**
 * The application: the service's use cases as plain functions over the ports (the event store, the read models'
 * questions, the notifier), each unit-tested without Nest or HTTP. The apps call these and nothing deeper.
 */

// What the use cases need
export { RefusedAfterWriting } from './ports';
export type {
  AdminContext,
  BatchInvitees,
  InvitationSettings,
  Memberships,
  PassportLookup,
  PersonSettings,
  ServiceSettings,
  UploadSettings,
  Written,
} from './ports';
export {
  batchOfOrganisation,
  inviteeOfOrganisation,
  notFound,
  poolOfOrganisation,
  type LiveInvitee,
} from './tenancy/tenant-streams';

// Pools, batches, invitees
export { createResourcePool } from './pools/create-resource-pool';
export { createInvitationBatch } from './batches/create-invitation-batch';
export { updateInvitationBatch, type BatchChanges } from './batches/update-invitation-batch';
export { updateResourcePool } from './pools/update-resource-pool';
export {
  organisationOf,
  organisationView,
  updateOrganisation,
  type OrganisationChanges,
  type OrganisationView,
} from './organisations/organisation';
export { removeMember, type MemberLookup } from './members/remove-member';
export { classifiedAgainstPassports, validatedPerson } from './invitees/person-intake';
export { stageInvitee, type StageInviteeDeps } from './invitees/stage-invitee';
export { correctInvitee, type CorrectInviteeDeps } from './invitees/correct-invitee';
export { removeInvitee } from './invitees/remove-invitee';

// Invitations
export {
  sendInvitations,
  type SendInvitationsDeps,
  type SendInvitationsOutcome,
  type SendInvitationsRequest,
} from './invitations/send-invitations';
export { resendInvitation, revokeInvitation } from './invitations/change-invitation';
export { acceptInvitation, type AcceptedInvitation } from './invitations/accept-invitation';
export { declineInvitation } from './invitations/decline-invitation';
export {
  extendInvitations,
  resendInvitations,
  revokeInvitations,
  sendReminders,
  type BulkInvitationDeps,
  type BulkInvitationOutcome,
  type BulkInvitationRequest,
} from './invitations/bulk/bulk-invitations';
export { termsOfBatch } from './invitations/invitation-terms';
export { previewInvitation, type InvitationPreview } from './invitations/invitation-preview';

// Bulk uploads
export { previewBatchUpload, type PreviewBatchUploadDeps } from './uploads/preview-batch-upload';
export {
  confirmUpload,
  INLINE_CONFIRMATION_MAX_ROWS,
  type ConfirmUploadDeps,
  type ConfirmUploadOutcome,
  type ConfirmUploadRequest,
} from './uploads/confirm-upload';
export { cancelUpload, type CancelUploadOutcome } from './uploads/cancel-upload';
export {
  UploadConfirmations,
  type JobControl,
  type JobRunOutcome,
  type UploadConfirmationDeps,
  type UploadConfirmationsOptions,
} from './uploads/upload-confirmations';
export { duplicatesReportRows, type DuplicatesReportRow } from './uploads/duplicates-report-rows';
export {
  MAX_ROWS_PAGE,
  uploadRowsPage,
  type UploadRowsPage,
  type UploadRowsRequest,
} from './uploads/upload-rows-page';
export {
  lastPositionOfUpload,
  loadUpload,
  uploadOfOrganisation,
  type LoadedUpload,
} from './uploads/upload-stream';
export {
  confirmationView,
  duplicateRowsOf,
  duplicatesReportPath,
  possibleDuplicateRowsOf,
  recordedUpload,
  toPreviewView,
  uploadSummaryView,
  type ConfirmationView,
  type RecordedUpload,
  type UploadPreviewView,
  type UploadSummaryView,
} from './uploads/recorded-upload';
export { previewUpload, type UploadPreviewOutcome } from './uploads/upload-preview';
export type { ClassifiedBatch } from './uploads/classify-upload';
export { IN_MEMORY_ORGANISATION, InMemoryUploadLookups } from './uploads/in-memory-upload-lookups';
export type { PoolSeatsTaken, UploadLookups } from './uploads/upload-lookups';

// History and audit
export { auditRecord, type AuditRecord } from './history/audit-record';
export {
  auditLogEntries,
  auditLogPage,
  checkAuditFilter,
  MAX_AUDIT_PAGE,
  type AuditLogEntry,
  type AuditLogFilter,
  type AuditLogPage,
  type AuditLogPorts,
} from './history/audit-log';
export {
  AUDIT_CSV_COLUMNS,
  AUDIT_CSV_CONTENT_TYPE,
  auditCsvLine,
  auditLogCsv,
} from './history/audit-log-csv';
export { inviteePastInOrganisation, inviteeStateFrom } from './history/invitee-history';
export {
  NotInLogError,
  replayBatch,
  replayInvitee,
  type BatchReplay,
  type InviteeReplay,
} from './history/history-replay';
export { organisationAudit, type AuditPeriod } from './history/organisation-audit';
export { deliveriesAsOf, type DeliveryAsOf } from './history/message-history';

// Background work
export { BackgroundWork } from './background/background-work';
export { NOTIFICATIONS_SUBSCRIPTION } from './notifications/notification-subscription';
export { ReminderSweep } from './reminders/reminder-sweep';
export { readSideOf, type ReadSide } from './read-side';

// Messages and their delivery
export { recordDeliveryReceipt, type ReceiptContext } from './deliveries/record-delivery-receipt';
export { MessageDispatch, type MessageToSend } from './notifications/message-dispatch';
export {
  countedUploadLookups,
  DEFAULT_PASSPORT_MATCHES_PER_DAY,
  InMemoryPassportMatchBudget,
  UNCOUNTED_MATCHES,
  type PassportMatchBudget,
} from './privacy/passport-matches';
export { checkCorrectionLimit, CORRECTIONS_PER_INVITEE_PER_HOUR } from './privacy/correction-limit';
export { MOBILE_BELONGS_TO_OTHER_PASSPORT } from './invitees/person-intake';

// Privacy: erasure, retention
export {
  eraseInvitee,
  erasePerson,
  summaryOf,
  type ErasureDeps,
  type ErasureSummary,
  type InviteeErasure,
  type PersonErasure,
} from './privacy/erasure';
export { shredUploadRows } from './privacy/shred-upload-rows';
export { RetentionSweep, UploadShredding } from './privacy/privacy-sweeps';
