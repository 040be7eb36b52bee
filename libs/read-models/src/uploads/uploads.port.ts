import type { UploadDoc } from './upload.document';

/** The `uploads` read model's queries, within an organisation. */
export interface Uploads {
  byId(organisationId: string, uploadId: string): Promise<UploadDoc | null>;
  /** A batch's uploads, newest first (then by id, the other way round). */
  ofBatch(organisationId: string, batchId: string): Promise<UploadDoc[]>;
  /** The ids of the uploads whose confirmation runs (of every organisation): the jobs to run. */
  runningConfirmations(): Promise<string[]>;
  /**
   * Uploads whose rows nothing can need any more and are not shredded yet: confirmed, cancelled (no job running), or
   * previewed and expired at `now` (ISO-8601). With their organisation, whose stream the shredding is decided on.
   */
  toShred(now: string): Promise<{ uploadId: string; organisationId: string }[]>;
}
