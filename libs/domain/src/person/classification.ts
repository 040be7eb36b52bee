import type { ProfileField, UploadStatus } from './person-details';

/** How the person compares with the passports on record, as found by the handler (see classify-person.ts). */
export interface Classification {
  uploadStatus: UploadStatus;
  /** The fields that differ from the matched passport, in PROFILE_FIELDS order; never the values on record. */
  discrepancies: ProfileField[];
  /** The passport the person was matched with; null when NEW. */
  passportId: string | null;
}
