import {
  collectUploadRows,
  uploadDecider,
  uploadStreamId,
  type UploadPreviewed,
  type UploadRow,
  type UploadState,
} from '@invitations/domain';
import { loadStream, type EventStore } from '@invitations/event-store';
import { notFound } from '../tenancy/tenant-streams';

/** An upload as recorded: its state, and its rows collected from its chunks. */
export type RecordedUpload = Exclude<UploadState, { status: 'absent' }> & { rows: UploadRow[] };

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
  duplicatesReportUrl: string;
  expiresAt: string;
  confirmed: boolean;
  cohort: { staffType: string | null; jobRole: string | null; startDate: string | null };
  /** Remarks about the file that did not refuse it: columns ignored, the encoding it was read in. */
  warnings: string[];
}

/**
 * An upload as recorded in its stream in the log: the preview and its rows, and whether it was confirmed. NOT_FOUND
 * when it does not exist or belongs to another organisation.
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

/** The rows a duplicates report lists: those confirming skips. */
export function duplicateRowsOf(upload: RecordedUpload): UploadPreviewView['duplicates'] {
  return upload.rows
    .filter((r) => r.duplicateReasons.length > 0)
    .map((r) => ({
      row: r.row,
      email: r.person.email,
      mobile: r.person.mobile,
      reasons: r.duplicateReasons,
    }));
}

export function toPreviewView(upload: RecordedUpload): UploadPreviewView {
  return previewView(
    upload.preview,
    upload.status === 'confirmed',
    duplicateRowsOf(upload),
    upload.rows
      .filter((r) => r.possibleDuplicate && r.duplicateReasons.length === 0)
      .map((r) => ({ row: r.row, email: r.person.email, reason: 'SAME_NAME_AND_DATE_OF_BIRTH' })),
  );
}

/** The view of a recorded preview, with its lists of duplicates and possible duplicates. */
export function previewView(
  preview: UploadPreviewed['data'],
  confirmed: boolean,
  duplicates: UploadPreviewView['duplicates'],
  possibleDuplicates: UploadPreviewView['possibleDuplicates'],
): UploadPreviewView {
  return {
    id: preview.uploadId,
    batchId: preview.batchId,
    totalRows: preview.totalRows,
    newCount: preview.newCount,
    existingCount: preview.existingCount,
    invalidCount: preview.invalidCount,
    duplicateCount: preview.duplicateCount,
    duplicates,
    possibleDuplicates,
    duplicatesReportUrl: `/api/uploads/${preview.uploadId}/duplicates.csv`,
    expiresAt: preview.expiresAt,
    confirmed,
    cohort: preview.cohort,
    warnings: preview.warnings ?? [],
  };
}
