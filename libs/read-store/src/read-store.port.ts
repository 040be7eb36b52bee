/**
 * The read-store port: the subset of MongoDB's collection API that projections and queries use.
 * Filters and updates are MongoDB's own query and update language, so projection code is the same
 * for the embedded store (evaluated by mingo) and for MongoDB.
 */

export type Doc = { _id: string } & Record<string, unknown>;
export type Filter = Record<string, unknown>;
/** An update document with operators ($set, $unset, $inc, $push, $pull, $addToSet, $setOnInsert, $max, $min). */
export type Update = Record<string, Record<string, unknown>>;
export type Sort = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
  /** MongoDB inclusion/exclusion projection. */
  projection?: Record<string, 0 | 1>;
}

export interface UpdateOptions {
  upsert?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
}

export interface DeleteResult {
  deletedCount: number;
}

export type BulkOperation<T extends Doc = Doc> =
  | { insertOne: { document: T } }
  | { updateOne: { filter: Filter; update: Update; upsert?: boolean } }
  | { updateMany: { filter: Filter; update: Update } }
  | { replaceOne: { filter: Filter; replacement: T; upsert?: boolean } }
  | { deleteOne: { filter: Filter } }
  | { deleteMany: { filter: Filter } };

export interface BulkWriteResult {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  deletedCount: number;
}

export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  name?: string;
}

export interface ReadCollection<T extends Doc = Doc> {
  readonly name: string;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort'>): Promise<T | null>;
  countDocuments(filter?: Filter): Promise<number>;
  insertOne(document: T): Promise<void>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<DeleteResult>;
  deleteMany(filter?: Filter): Promise<DeleteResult>;
  /** Applies the operations in order (ordered bulk write). */
  bulkWrite(operations: readonly BulkOperation<T>[]): Promise<BulkWriteResult>;
  createIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  drop(): Promise<void>;
}

export interface ReadStore {
  collection<T extends Doc = Doc>(name: string): ReadCollection<T>;
  /** Names of the collections that exist. */
  listCollections(): Promise<string[]>;
  /** Atomically renames `from` to `to`, replacing `to` if it exists (used to switch rebuilt projections). */
  renameCollection(from: string, to: string): Promise<void>;
  /** True when the store keeps nothing across restarts (so projections rebuild from the log at start). */
  readonly ephemeral: boolean;
  /**
   * Builds the index structures a store defers while it is written in bulk (the embedded store's hash indexes
   * wait for the first query that needs them): called once the read models have caught up, so that the first
   * queries do not pay for them. Optional: a store that builds its indexes as it writes has nothing to do.
   */
  buildDeferredIndexes?(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A unique index was violated. */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  readonly code = 11000;
  constructor(
    readonly collection: string,
    readonly key: Record<string, unknown>,
  ) {
    super(`E11000 duplicate key error collection: ${collection} dup key: ${JSON.stringify(key)}`);
  }
}

export const READ_STORE = Symbol('READ_STORE');
