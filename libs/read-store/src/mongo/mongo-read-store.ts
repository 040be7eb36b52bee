import { MongoClient, type Collection, type Db, type Document, type WriteConcernSettings } from 'mongodb';
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
} from '../read-store.port';
import { databaseNameFromUri } from './database-name';
import { toDriverBulkOperation, toDriverFindOptions, toIndexDescription } from './driver-options';
import { toDuplicateKeyError } from './duplicate-key';
import { MongoLease, type MongoLeaseOptions } from './mongo-lease';

/**
 * Read models are rebuilt from the log, but a write acknowledged by a primary alone can be rolled back at a
 * failover while the projector's checkpoint says it is done: every write waits for a majority.
 */
const MAJORITY: WriteConcernSettings = { w: 'majority' };

export interface MongoReadStoreOptions {
  /** Overrides the database named in the URI (default: the URI's, else `invitations`). */
  databaseName?: string;
  /** How long an operation waits for a usable server before failing (driver default: 30 s). */
  serverSelectionTimeoutMs?: number;
}

/** The read-store port on MongoDB, through the official driver. Filters and updates go to the server as they are. */
export class MongoReadStore implements ReadStore {
  readonly ephemeral = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /** Connects (and fails now, rather than at the first query, when the server cannot be reached). */
  static async connect(uri: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(uri, {
      writeConcern: MAJORITY,
      appName: 'invitation-service',
      ...(options.serverSelectionTimeoutMs !== undefined && {
        serverSelectionTimeoutMS: options.serverSelectionTimeoutMs,
      }),
    });
    try {
      await client.connect();
    } catch (error) {
      await client.close().catch(() => undefined);
      throw error;
    }
    return new MongoReadStore(client, client.db(options.databaseName ?? databaseNameFromUri(uri)));
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  collection<T extends Doc = Doc>(name: string): ReadCollection<T> {
    return new MongoReadCollection<T>(this.db.collection(name));
  }

  async listCollections(): Promise<string[]> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections.map((collection) => collection.name).filter((name) => !name.startsWith('system.'));
  }

  /** One server command, atomic within the database; it takes no write concern from the client, so it is given one. */
  async renameCollection(from: string, to: string): Promise<void> {
    await this.db.renameCollection(from, to, { dropTarget: true, writeConcern: MAJORITY });
  }

  async ping(): Promise<void> {
    await this.db.admin().command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** A lease kept in this database (see mongo-lease.ts), e.g. so that one projector projects at a time. */
  lease(name: string, options: MongoLeaseOptions): MongoLease {
    return new MongoLease(this.db, name, options);
  }

  /** Drops the whole database: for tests, which each use a database of their own. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase({ writeConcern: MAJORITY });
  }
}

class MongoReadCollection<T extends Doc> implements ReadCollection<T> {
  constructor(private readonly collection: Collection<Document>) {}

  get name(): string {
    return this.collection.collectionName;
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    // T is the caller's description of what it stored; the server's documents are taken at their word.
    return (await this.collection.find(filter, toDriverFindOptions(options)).toArray()) as unknown as T[];
  }

  async findOne(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort'>): Promise<T | null> {
    return (await this.collection.findOne(filter, toDriverFindOptions(options))) as unknown as T | null;
  }

  countDocuments(filter: Filter = {}): Promise<number> {
    return this.collection.countDocuments(filter);
  }

  async insertOne(document: T): Promise<void> {
    await this.write(() => this.collection.insertOne(document as Document));
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    return updateResultOf(
      await this.write(() => this.collection.updateOne(filter, update, { upsert: options.upsert ?? false })),
    );
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return updateResultOf(await this.write(() => this.collection.updateMany(filter, update)));
  }

  async replaceOne(filter: Filter, replacement: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    return updateResultOf(
      await this.write(() =>
        this.collection.replaceOne(filter, replacement as Document, { upsert: options.upsert ?? false }),
      ),
    );
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    const { deletedCount } = await this.collection.deleteOne(filter);
    return { deletedCount };
  }

  async deleteMany(filter: Filter = {}): Promise<DeleteResult> {
    const { deletedCount } = await this.collection.deleteMany(filter);
    return { deletedCount };
  }

  /** Ordered: the server stops at the first failing operation, as the port says. The driver refuses an empty batch. */
  async bulkWrite(operations: readonly BulkOperation<T>[]): Promise<BulkWriteResult> {
    if (operations.length === 0) {
      return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
    }
    const result = await this.write(() =>
      this.collection.bulkWrite(operations.map(toDriverBulkOperation), { ordered: true }),
    );
    const { insertedCount, matchedCount, modifiedCount, upsertedCount, deletedCount } = result;
    return { insertedCount, matchedCount, modifiedCount, upsertedCount, deletedCount };
  }

  async createIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    if (indexes.length === 0) return;
    await this.write(() => this.collection.createIndexes(indexes.map(toIndexDescription)));
  }

  /** The driver answers false, not an error, for a collection that does not exist. */
  async drop(): Promise<void> {
    await this.collection.drop();
  }

  private async write<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw toDuplicateKeyError(error, this.name);
    }
  }
}

function updateResultOf(result: UpdateResult): UpdateResult {
  const { matchedCount, modifiedCount, upsertedCount } = result;
  return { matchedCount, modifiedCount, upsertedCount };
}
