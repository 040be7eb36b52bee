import type { Db, IndexDescription } from 'mongodb';
import { MongoOrganisationDocuments, type StoredDocument } from '../mongo/mongo-documents';
import type { UploadDoc } from './upload.document';
import type { Uploads } from './uploads.port';

export const UPLOAD_INDEXES: readonly IndexDescription[] = [
  { key: { organisationId: 1, batchId: 1, createdAt: 1 }, name: 'organisation_batch_created' },
  { key: { status: 1 }, name: 'status' },
];

/** The `uploads` read model in MongoDB. */
export class MongoUploads extends MongoOrganisationDocuments<UploadDoc> implements Uploads {
  constructor(db: Db, collectionName = 'uploads') {
    super(db.collection<StoredDocument>(collectionName), UPLOAD_INDEXES);
  }

  async ofBatch(organisationId: string, batchId: string): Promise<UploadDoc[]> {
    return this.sorted({ organisationId, batchId }, { createdAt: -1, _id: -1 });
  }

  async toShred(now: string): Promise<{ uploadId: string; organisationId: string }[]> {
    const docs = await this.collection
      .find(
        {
          rowsShredded: { $ne: true },
          $or: [
            { status: 'confirmed' },
            { status: 'cancelled', 'confirmation.state': { $ne: 'RUNNING' } },
            { status: 'previewed', expiresAt: { $lte: now } },
          ],
        },
        { projection: { _id: 1, organisationId: 1 } },
      )
      .toArray();
    return docs.map((doc) => ({ uploadId: String(doc._id), organisationId: String(doc.organisationId) }));
  }

  async runningConfirmations(): Promise<string[]> {
    const docs = await this.collection.find({ status: 'confirming' }, { projection: { _id: 1 } }).toArray();
    return docs.map((doc) => doc._id);
  }
}
