import type { Db, IndexDescription } from 'mongodb';
import { MongoOrganisationDocuments, type StoredDocument } from '../mongo/mongo-documents';
import type { BatchDoc } from './batch.document';
import type { Batches } from './batches.port';

export const BATCH_INDEXES: readonly IndexDescription[] = [
  { key: { organisationId: 1, poolId: 1 }, name: 'organisation_pool' },
];

/** The `batches` read model in MongoDB. */
export class MongoBatches extends MongoOrganisationDocuments<BatchDoc> implements Batches {
  constructor(db: Db, collectionName = 'batches') {
    super(db.collection<StoredDocument>(collectionName), BATCH_INDEXES);
  }

  async ofPool(organisationId: string, poolId: string): Promise<BatchDoc[]> {
    return this.sorted({ organisationId, poolId }, { createdAt: 1, _id: 1 });
  }
}
