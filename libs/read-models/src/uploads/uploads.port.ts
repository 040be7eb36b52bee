import type { UploadDoc } from './upload.document';

/** The `uploads` read model's queries, within an organisation. */
export interface Uploads {
  byId(organisationId: string, uploadId: string): Promise<UploadDoc | null>;
  /** A batch's uploads, oldest first (then by id). */
  ofBatch(organisationId: string, batchId: string): Promise<UploadDoc[]>;
}
