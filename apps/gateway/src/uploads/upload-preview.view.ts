import { confirmationView, type ConfirmationView, type UploadPreviewView } from '@invitations/application';
import { uploadStateAt, type UploadLifeState, type UploadRow } from '@invitations/domain';
import type { UploadDoc } from '@invitations/read-models';

/**
 * The GraphQL `UploadPreview` as the resolvers hand it on: the upload's summary, with its organisation (for the
 * fields resolved on demand: its rows, the lists of duplicates, the signed report link). The lists of duplicates
 * are there when the preview was just made, and read from the upload's rows when asked for otherwise.
 */
export interface UploadPreviewParent {
  id: string;
  organisationId: string;
  batchId: string;
  totalRows: number;
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  expiresAt: string;
  confirmed: boolean;
  state: UploadLifeState;
  confirmation: ConfirmationView | null;
  cancelledAt: string | null;
  cohort: UploadPreviewView['cohort'];
  warnings: string[];
  duplicates?: UploadPreviewView['duplicates'];
  possibleDuplicates?: UploadPreviewView['possibleDuplicates'];
}

/** From the uploads read model. */
export function uploadFromDoc(doc: UploadDoc, now: Date): UploadPreviewParent {
  const { confirmation } = doc;
  return {
    id: doc._id,
    organisationId: doc.organisationId,
    batchId: doc.batchId,
    totalRows: doc.totalRows,
    newCount: doc.newCount,
    existingCount: doc.existingCount,
    invalidCount: doc.invalidCount,
    duplicateCount: doc.duplicateCount,
    expiresAt: doc.expiresAt,
    confirmed: doc.status === 'confirmed',
    state: uploadStateAt(doc, now),
    confirmation: confirmation && confirmationView(confirmation),
    cancelledAt: doc.cancelledAt,
    cohort: doc.cohort,
    warnings: doc.warnings,
  };
}

/** From a preview just made (its lists of duplicates included). */
export function uploadFromPreview(view: UploadPreviewView, organisationId: string): UploadPreviewParent {
  const { duplicatesReportUrl: _path, ...fields } = view;
  return { ...fields, organisationId };
}

/** The GraphQL `UploadRow`. */
export function uploadRowView(row: UploadRow) {
  const { person } = row;
  return {
    line: row.row,
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    dateOfBirth: person.dateOfBirth,
    mobile: person.mobile,
    uploadStatus: row.uploadStatus,
    discrepancies: row.discrepancies,
    duplicateReasons: row.duplicateReasons,
    possibleDuplicate: row.possibleDuplicate,
  };
}
