import type { AnyBulkWriteOperation, Collection, Filter, IndexDescription, Sort } from 'mongodb';
import type { DocumentChange, DocumentStore } from '../projection/document-store';
import type { Positioned } from '../projection/projection';
import { failedOnlyOnDuplicateKeys } from './duplicate-keys';

/** A document as the driver sees the read models' collections: ids are strings, not ObjectIds. */
export type StoredDocument = { _id: string; [field: string]: unknown };

/**
 * A projection's documents in a MongoDB collection. A batch's changes are one unordered bulk write: each document
 * is replaced (or inserted, or deleted) only where its stored `_pos` is older than the change's, so a redelivered
 * or stale change is a no-op, on a standalone server as on a replica set, without transactions. Where a newer
 * version is stored, the filter misses it and the upsert's insert collides on `_id`: that duplicate key is the
 * guard saying no. The client's write concern (majority) applies.
 */
export class MongoDocuments<D extends Positioned> implements DocumentStore<D> {
  constructor(
    readonly collection: Collection<StoredDocument>,
    private readonly indexes: readonly IndexDescription[],
  ) {}

  async load(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    const found = new Map<string, D>();
    if (ids.length === 0) return found;
    const docs = await this.collection.find({ _id: { $in: [...ids] } }).toArray();
    // The server's documents are taken at their word: this collection holds only what the projection wrote.
    for (const doc of docs as unknown as D[]) found.set(doc._id, doc);
    return found;
  }

  async write(changes: readonly DocumentChange<D>[]): Promise<void> {
    if (changes.length === 0) return; // the driver refuses an empty bulk write
    const operations = changes.map(({ id, document, position }): AnyBulkWriteOperation<StoredDocument> => {
      const filter = { _id: id, _pos: { $lt: position } };
      if (document === null) return { deleteOne: { filter } };
      return { replaceOne: { filter, replacement: document as unknown as StoredDocument, upsert: true } };
    });
    try {
      await this.collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      if (!failedOnlyOnDuplicateKeys(error)) throw error;
    }
  }

  async all(): Promise<D[]> {
    return this.sorted({}, { _id: 1 });
  }

  /** The documents `filter` matches, in `sort`'s order. */
  async sorted(filter: Filter<StoredDocument>, sort: Sort): Promise<D[]> {
    return (await this.collection.find(filter).sort(sort).toArray()) as unknown as D[];
  }

  /** Creates the indexes the read model's queries use. Idempotent. */
  async ensureIndexes(): Promise<void> {
    if (this.indexes.length > 0) await this.collection.createIndexes([...this.indexes]);
  }
}

/** Documents that each belong to one organisation (batches, uploads, invitees, pools), found by id within it. */
export class MongoOrganisationDocuments<D extends Positioned> extends MongoDocuments<D> {
  /** The document of this id in this organisation only: another organisation's answers null, as a missing one. */
  async byId(organisationId: string, id: string): Promise<D | null> {
    return (await this.collection.findOne({ _id: id, organisationId })) as unknown as D | null;
  }
}
