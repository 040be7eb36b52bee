import type { PersonDetailValues } from '../person/person-details-fields';
import type { Event } from '@invitations/kernel';
import type { PersonDetails, ProfileField, UploadStatus } from '../person/person-details';
import { PERSON_DETAIL_FIELDS } from '../person/person-details-fields';
import type { ConfirmationEvent } from './confirmation.events';
import type { ChunkRowCounts } from './row-counts';

/** Why a row of an upload is a duplicate (the contract's `DuplicateReason`): confirming skips it. */
export type DuplicateReason =
  | 'EMAIL_REPEATED_IN_FILE'
  | 'MOBILE_REPEATED_IN_FILE'
  | 'ALREADY_IN_POOL'
  | 'MOBILE_BELONGS_TO_OTHER_PASSPORT';

/** In the contract's enum order: the order reasons are listed in. */
export const DUPLICATE_REASONS: readonly DuplicateReason[] = [
  'EMAIL_REPEATED_IN_FILE',
  'MOBILE_REPEATED_IN_FILE',
  'ALREADY_IN_POOL',
  'MOBILE_BELONGS_TO_OTHER_PASSPORT',
];

/** One data row of an upload, validated and classified: what confirming stages (or skips, for a duplicate). */
export interface UploadRow {
  /** The row's line in the file, the header being line 1 (in uploads previewed before lines were counted: the
   *  1-based data row). */
  row: number;
  person: PersonDetails;
  uploadStatus: UploadStatus;
  discrepancies: ProfileField[];
  passportId: string | null;
  duplicateReasons: DuplicateReason[];
  possibleDuplicate: boolean;
}

export interface UploadCohort {
  staffType: string | null;
  jobRole: string | null;
  startDate: string | null;
}

/** A preview's cohort and counts, as the command to record it gives them and its event keeps them. */
export interface UploadPreviewCounts {
  cohort: UploadCohort;
  totalRows: number;
  /** Rows that confirming would stage, by status (duplicates excluded), and the duplicates. */
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  /** How many chunks of rows (UploadRowsRecorded events) follow. */
  chunks: number;
}

/**
 * Stream `upload-<uploadId>`: one CSV file's preview, then its confirmation. The rows follow the preview in
 * chunks (UploadRowsRecorded), each small enough for one event (EventStoreDB's 1 MiB), so confirming needs no
 * second upload and the preview survives restarts. The chunks are appended a few at a time after the preview
 * (so a large file is never held as one append); the upload can be confirmed once all `chunks` are recorded.
 */
export type UploadPreviewed = Event<
  'UploadPreviewed',
  UploadPreviewCounts & {
    uploadId: string;
    batchId: string;
    poolId: string;
    organisationId: string;
    /** SHA-256 (hex) of the file's bytes: which file this was, and a retry's check that it sends the same one. */
    fileSha256?: string;
    /** Remarks about the file that did not refuse it; absent when none (and in events recorded before them). */
    warnings?: string[];
    /**
     * Each chunk's rows by category (see ChunkRowCounts), so that a page of the rows reads only the chunks it needs;
     * absent in events recorded before them (the rows are then counted by reading the chunks).
     */
    rowCounts?: ChunkRowCounts[];
    previewedAt: string;
    expiresAt: string;
  }
>;

/** The fields of an UploadRow, in the order an UploadRowsRecorded event lists each row's values. */
export const UPLOAD_ROW_COLUMNS = [
  'row',
  ...PERSON_DETAIL_FIELDS,
  'uploadStatus',
  'discrepancies',
  'passportId',
  'duplicateReasons',
  'possibleDuplicate',
] as const;

/** One row's values in UPLOAD_ROW_COLUMNS order (the person's fields inline). */
export type UploadRowValues = [
  row: number,
  ...person: PersonDetailValues,
  uploadStatus: UploadStatus,
  discrepancies: ProfileField[],
  passportId: string | null,
  duplicateReasons: DuplicateReason[],
  possibleDuplicate: boolean,
];

/**
 * A chunk of an upload's rows. Each row is its values in the order `columns` names (UPLOAD_ROW_COLUMNS), not an
 * object repeating the field names: half the bytes to write, read back and keep (a 150,000-row upload is ~20 MB of
 * events, not ~40). Events recorded before this form hold `rows` as UploadRow objects and no `columns`; readers
 * take both (see collectUploadRows). No decision looks into the rows: whoever records them may hold them in another
 * form until they are written (`Rows`), as long as they are written as these values.
 */
export type UploadRowsRecorded<Rows = UploadRowValues[]> = Event<
  'UploadRowsRecorded',
  { uploadId: string; chunk: number; columns: typeof UPLOAD_ROW_COLUMNS; rows: Rows }
>;

/**
 * The confirmation is done: every non-duplicate row was staged (or found staged already), and invited when asked
 * (recorded with no UploadConfirmationStarted before it by confirmations that ran inside the request).
 */
export type UploadConfirmed = Event<
  'UploadConfirmed',
  {
    uploadId: string;
    staged: number;
    skippedDuplicates: number;
    invited: number;
    autoAccepted: number;
    sendInvitations: boolean;
    confirmedAt: string;
  }
>;

export type UploadEvent = UploadPreviewed | UploadRowsRecorded | UploadConfirmed | ConfirmationEvent;
