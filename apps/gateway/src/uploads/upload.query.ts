import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@invitations/event-store';
import { uploadStreamId } from '@invitations/domain';
import { uploadDecider } from '@invitations/domain';
import { collectUploadRows } from '@invitations/domain';
import type { UploadPreviewed, UploadRow } from '@invitations/domain';
import type { UploadState } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { notFound } from '../application/scope';
import { EVENT_STORE } from '../infrastructure/tokens';

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

/** Uploads are read from their stream in the log: the preview and its rows, and whether it was confirmed. */
@Injectable()
export class Uploads {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The upload, or NOT_FOUND when it does not exist or belongs to another organisation. */
  async load(organisationId: string, uploadId: string): Promise<RecordedUpload> {
    const { state, events } = await loadStream(this.store, uploadStreamId(uploadId), uploadDecider);
    if (state.status === 'absent' || state.preview.organisationId !== organisationId)
      throw notFound('upload');
    return { ...state, rows: collectUploadRows(events) };
  }

  async find(organisationId: string, uploadId: string): Promise<UploadPreviewView | null> {
    try {
      return toPreviewView(await this.load(organisationId, uploadId));
    } catch (error) {
      if ((error as { code?: string }).code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}

export function toPreviewView(upload: RecordedUpload): UploadPreviewView {
  const { rows } = upload;
  return previewView(
    upload.preview,
    upload.status === 'confirmed',
    rows
      .filter((r) => r.duplicateReasons.length > 0)
      .map((r) => ({
        row: r.row,
        email: r.person.email,
        mobile: r.person.mobile,
        reasons: r.duplicateReasons,
      })),
    rows
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
