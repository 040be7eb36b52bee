import type {
  BulkOperation,
  BulkWriteResult,
  DeleteResult,
  Doc,
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  Update,
  UpdateOptions,
  UpdateResult,
} from '../read-store.port';
import type { TableCatalog } from './table-catalog';
import { countMatches, findDocuments } from './table-queries';
import {
  deleteDocuments,
  insertDocument,
  nothingUpdated,
  replaceDocument,
  updateDocuments,
  type UpdateScope,
} from './table-writes';
import { validateUpdate } from './update-applier';

/**
 * A collection of the embedded store. Like a MongoDB collection object it is only a name: each
 * call looks the collection up, so a handle follows a rename or a drop. Every call runs to
 * completion synchronously, which makes each one, and each bulk write as a whole, atomic.
 */
export class EmbeddedCollection<T extends Doc = Doc> implements ReadCollection<T> {
  constructor(
    readonly name: string,
    private readonly catalog: TableCatalog,
  ) {}

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const table = this.catalog.existing(this.name);
    return table ? (findDocuments(table, filter, options) as T[]) : [];
  }

  async findOne(filter: Filter, options: Pick<FindOptions, 'projection' | 'sort'> = {}): Promise<T | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    const table = this.catalog.existing(this.name);
    return table ? countMatches(table, filter) : 0;
  }

  async insertOne(document: T): Promise<void> {
    insertDocument(this.catalog.obtain(this.name), document);
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.update(filter, update, { multi: false, upsert: options.upsert === true });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.update(filter, update, { multi: true, upsert: false });
  }

  async replaceOne(filter: Filter, replacement: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.replace(filter, replacement, options.upsert === true);
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return this.delete(filter, false);
  }

  async deleteMany(filter: Filter = {}): Promise<DeleteResult> {
    return this.delete(filter, true);
  }

  async bulkWrite(operations: readonly BulkOperation<T>[]): Promise<BulkWriteResult> {
    const result: BulkWriteResult = {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
      deletedCount: 0,
    };
    for (const operation of operations) this.applyBulkOperation(operation, result);
    return result;
  }

  async createIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    const table = this.catalog.obtain(this.name);
    for (const index of indexes) table.createIndex(index);
  }

  async drop(): Promise<void> {
    this.catalog.drop(this.name);
  }

  /** Applies one operation of an ordered bulk write; an error stops the bulk write there, as in MongoDB. */
  private applyBulkOperation(operation: BulkOperation<T>, result: BulkWriteResult): void {
    if ('insertOne' in operation) {
      insertDocument(this.catalog.obtain(this.name), operation.insertOne.document);
      result.insertedCount += 1;
    } else if ('updateOne' in operation) {
      const { filter, update, upsert } = operation.updateOne;
      addUpdate(result, this.update(filter, update, { multi: false, upsert: upsert === true }));
    } else if ('updateMany' in operation) {
      const { filter, update } = operation.updateMany;
      addUpdate(result, this.update(filter, update, { multi: true, upsert: false }));
    } else if ('replaceOne' in operation) {
      const { filter, replacement, upsert } = operation.replaceOne;
      addUpdate(result, this.replace(filter, replacement, upsert === true));
    } else if ('deleteOne' in operation) {
      result.deletedCount += this.delete(operation.deleteOne.filter, false).deletedCount;
    } else if ('deleteMany' in operation) {
      result.deletedCount += this.delete(operation.deleteMany.filter, true).deletedCount;
    } else {
      throw new Error(`Unknown bulk write operation: ${Object.keys(operation).join(', ')}`);
    }
  }

  private update(filter: Filter, update: Update, scope: UpdateScope): UpdateResult {
    const table = scope.upsert ? this.catalog.obtain(this.name) : this.catalog.existing(this.name);
    if (table) return updateDocuments(table, filter, update, scope);
    validateUpdate(update);
    return nothingUpdated();
  }

  private replace(filter: Filter, replacement: T, upsert: boolean): UpdateResult {
    const table = upsert ? this.catalog.obtain(this.name) : this.catalog.existing(this.name);
    return table ? replaceDocument(table, filter, replacement, upsert) : nothingUpdated();
  }

  private delete(filter: Filter, multi: boolean): DeleteResult {
    const table = this.catalog.existing(this.name);
    return table ? deleteDocuments(table, filter, multi) : { deletedCount: 0 };
  }
}

function addUpdate(total: BulkWriteResult, result: UpdateResult): void {
  total.matchedCount += result.matchedCount;
  total.modifiedCount += result.modifiedCount;
  total.upsertedCount += result.upsertedCount;
}
