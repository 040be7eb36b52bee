import { uploadSummaryView, type UploadPreviewView, type UploadSummaryView } from '@invitations/application';
import type { UploadRow } from '@invitations/domain';
import type { UploadDoc } from '@invitations/read-models';

/**
 * The GraphQL `UploadPreview` as the resolvers hand it on: the upload's summary, with its organisation (for the
 * fields resolved on demand: its rows, the lists of duplicates, the signed report link). The lists of duplicates
 * are there when the preview was just made, and read from the upload's rows when asked for otherwise.
 */
export type UploadPreviewParent = UploadSummaryView & {
  organisationId: string;
  duplicates?: UploadPreviewView['duplicates'];
  possibleDuplicates?: UploadPreviewView['possibleDuplicates'];
};

/** From the uploads read model. */
export function uploadFromDoc(doc: UploadDoc, now: Date): UploadPreviewParent {
  const upload = { status: doc.status, job: doc.confirmation, cancelledAt: doc.cancelledAt };
  const summary = uploadSummaryView({ ...doc, uploadId: doc._id }, upload, now);
  return { ...summary, organisationId: doc.organisationId };
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
