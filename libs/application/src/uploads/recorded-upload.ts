import {
  collectUploadRows,
  uploadDecider,
  uploadStreamId,
  type ConfirmationJob,
  type RecordedUploadState,
  type UploadPreviewed,
  uploadStateAt,
  type UploadLifeState,
  type UploadRow,
} from '@invitations/domain';
import { loadStream, type EventStore } from '@invitations/event-store';
import { notFound } from '../tenancy/tenant-streams';

/** An upload as recorded: its state, and its rows collected from its chunks. */
export type RecordedUpload = RecordedUploadState & { rows: UploadRow[] };

/** The GraphQL `UploadConfirmation`: the confirmation job and its counts so far. */
export interface ConfirmationView {
  state: ConfirmationJob['state'];
  sendInvitations: boolean;
  total: number;
  staged: number;
  invited: number;
  autoAccepted: number;
  skippedDuplicates: number;
  startedAt: string;
  finishedAt: string | null;
}

/** The GraphQL `UploadPreview`. */
export interface UploadPreviewView {
  id: string;
  batchId: string;
  totalRows: number;
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  duplicates: { row: number; email: string; mobile: string | null; reasons: string[] }[];
  possibleDuplicates: { row: number; email: string; reason: string }[];
  /** The report's path; the gateway answers a signed, absolute link in its place. */
  duplicatesReportUrl: string;
  expiresAt: string;
  /** True once the confirmation is done. */
  confirmed: boolean;
  state: UploadLifeState;
  confirmation: ConfirmationView | null;
  cancelledAt: string | null;
  cohort: { staffType: string | null; jobRole: string | null; startDate: string | null };
  /** Remarks about the file that did not refuse it: columns ignored, the encoding it was read in. */
  warnings: string[];
}

/**
 * An upload as recorded in its stream in the log: the preview and all its rows, and its confirmation. NOT_FOUND
 * when it does not exist or belongs to another organisation. Reads every chunk of rows: for the lists of a
 * preview's duplicates (a page of rows reads only the chunks it needs: uploadRowsPage).
 */
export async function recordedUpload(
  store: EventStore,
  organisationId: string,
  uploadId: string,
): Promise<RecordedUpload> {
  const { state, events } = await loadStream(store, uploadStreamId(uploadId), uploadDecider);
  if (state.status === 'absent' || state.preview.organisationId !== organisationId) throw notFound('upload');
  return { ...state, rows: collectUploadRows(events) };
}

/** The rows confirming skips, as the preview lists them. */
export function duplicateRowsOf(upload: { rows: readonly UploadRow[] }): UploadPreviewView['duplicates'] {
  return upload.rows
    .filter((r) => r.duplicateReasons.length > 0)
    .map((r) => ({
      row: r.row,
      email: r.person.email,
      mobile: r.person.mobile,
      reasons: r.duplicateReasons,
    }));
}

/** The rows staged that may be someone holding a passport under another email. */
export function possibleDuplicateRowsOf(upload: {
  rows: readonly UploadRow[];
}): UploadPreviewView['possibleDuplicates'] {
  return upload.rows
    .filter((r) => r.possibleDuplicate && r.duplicateReasons.length === 0)
    .map((r) => ({ row: r.row, email: r.person.email, reason: 'SAME_NAME_AND_DATE_OF_BIRTH' }));
}

export function toPreviewView(upload: RecordedUpload, now: Date): UploadPreviewView {
  return previewView(upload.preview, upload, duplicateRowsOf(upload), possibleDuplicateRowsOf(upload), now);
}

/** The view of a recorded preview, with its lists of duplicates and possible duplicates. */
export function previewView(
  preview: UploadPreviewed['data'],
  upload: Pick<RecordedUploadState, 'status' | 'job' | 'cancelledAt'>,
  duplicates: UploadPreviewView['duplicates'],
  possibleDuplicates: UploadPreviewView['possibleDuplicates'],
  now: Date,
): UploadPreviewView {
  return {
    ...uploadSummaryView(preview, upload, now),
    duplicates,
    possibleDuplicates,
    duplicatesReportUrl: duplicatesReportPath(preview.uploadId),
  };
}

/** A recorded upload's counts and where it stands, without its lists of duplicates. */
export type UploadSummaryView = Omit<
  UploadPreviewView,
  'duplicates' | 'possibleDuplicates' | 'duplicatesReportUrl'
>;

/** What of a preview its summary shows (the uploads read model holds the same fields). */
type PreviewSummary = Pick<
  UploadPreviewed['data'],
  | 'uploadId'
  | 'batchId'
  | 'totalRows'
  | 'newCount'
  | 'existingCount'
  | 'invalidCount'
  | 'duplicateCount'
  | 'expiresAt'
  | 'cohort'
  | 'warnings'
>;

export function uploadSummaryView(
  preview: PreviewSummary,
  upload: Pick<RecordedUploadState, 'status' | 'job' | 'cancelledAt'>,
  now: Date,
): UploadSummaryView {
  return {
    id: preview.uploadId,
    batchId: preview.batchId,
    totalRows: preview.totalRows,
    newCount: preview.newCount,
    existingCount: preview.existingCount,
    invalidCount: preview.invalidCount,
    duplicateCount: preview.duplicateCount,
    expiresAt: preview.expiresAt,
    confirmed: upload.status === 'confirmed',
    state: uploadStateAt({ status: upload.status, expiresAt: preview.expiresAt }, now),
    confirmation: upload.job && confirmationView(upload.job),
    cancelledAt: upload.cancelledAt,
    cohort: preview.cohort,
    warnings: preview.warnings ?? [],
  };
}

export const duplicatesReportPath = (uploadId: string): string => `/api/uploads/${uploadId}/duplicates.csv`;

export function confirmationView(job: ConfirmationJob): ConfirmationView {
  const { state, sendInvitations, total, staged, invited, autoAccepted, skippedDuplicates } = job;
  return {
    state,
    sendInvitations,
    total,
    staged,
    invited,
    autoAccepted,
    skippedDuplicates,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
