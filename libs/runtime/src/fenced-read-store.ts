import type {
  BulkOperation,
  BulkWriteResult,
  DeleteResult,
  Doc,
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadStore,
  Update,
  UpdateOptions,
  UpdateResult,
} from '@invitations/read-store';
import { assertHeld, type Fence } from './fence';

/**
 * A read store whose writes go through only while the fence is held: the read models of a projector that has
 * lost its lease stop changing at once, even under a batch it was in the middle of flushing. Reads are not
 * fenced. (A write sent just before the lease ran out may still land; the lease keeper's safety margin and the
 * projections' `_pos` guards make that harmless.)
 */
export class FencedReadStore implements ReadStore {
  constructor(
    private readonly inner: ReadStore,
    private readonly fence: Fence,
  ) {}

  get ephemeral(): boolean {
    return this.inner.ephemeral;
  }

  collection<T extends Doc = Doc>(name: string): ReadCollection<T> {
    return new FencedCollection(this.inner.collection<T>(name), this.fence);
  }

  listCollections(): Promise<string[]> {
    return this.inner.listCollections();
  }

  async renameCollection(from: string, to: string): Promise<void> {
    assertHeld(this.fence, `renaming ${from}`);
    await this.inner.renameCollection(from, to);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  /** The inner store belongs to whoever opened it: closing the view closes nothing. */
  async close(): Promise<void> {}
}

class FencedCollection<T extends Doc> implements ReadCollection<T> {
  constructor(
    private readonly inner: ReadCollection<T>,
    private readonly fence: Fence,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return this.inner.find(filter, options);
  }

  findOne(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort'>): Promise<T | null> {
    return this.inner.findOne(filter, options);
  }

  countDocuments(filter?: Filter): Promise<number> {
    return this.inner.countDocuments(filter);
  }

  async insertOne(document: T): Promise<void> {
    this.guard();
    await this.inner.insertOne(document);
  }

  async updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    this.guard();
    return this.inner.updateOne(filter, update, options);
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    this.guard();
    return this.inner.updateMany(filter, update);
  }

  async replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult> {
    this.guard();
    return this.inner.replaceOne(filter, replacement, options);
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    this.guard();
    return this.inner.deleteOne(filter);
  }

  async deleteMany(filter?: Filter): Promise<DeleteResult> {
    this.guard();
    return this.inner.deleteMany(filter);
  }

  async bulkWrite(operations: readonly BulkOperation<T>[]): Promise<BulkWriteResult> {
    this.guard();
    return this.inner.bulkWrite(operations);
  }

  /** Index creation changes no document, but it is still the lease holder's job. */
  async createIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    this.guard();
    await this.inner.createIndexes(indexes);
  }

  async drop(): Promise<void> {
    this.guard();
    await this.inner.drop();
  }

  private guard(): void {
    assertHeld(this.fence, `writing to ${this.inner.name}`);
  }
}
