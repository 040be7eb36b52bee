export { EmbeddedReadStore } from './embedded/embedded-read-store';
export { LeaseKeeper } from './mongo/lease-keeper';
export type { LeaseLoss } from './mongo/lease-keeper';
export type { Lease, LeaseStore } from './mongo/mongo-lease';
export type { MongoReadStore, MongoReadStoreOptions } from './mongo/mongo-read-store';
export { connectMongoReadStore } from './mongo/connect';
export { DuplicateKeyError, READ_STORE } from './read-store.port';
export type {
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
} from './read-store.port';
