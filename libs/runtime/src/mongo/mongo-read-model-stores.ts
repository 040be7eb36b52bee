import { MongoClient, type Db, type WriteConcernSettings } from 'mongodb';
import { MongoReadModels, type ReadModelStorage } from '@invitations/read-models';
import { MongoLease, type MongoLeaseOptions } from '../lease/mongo-lease';
import type { ReadModelStores } from '../read-model-stores';
import { databaseNameFromUri } from './database-name';
import { MongoCheckpoints } from './mongo-checkpoints';

/**
 * Read models are rebuilt from the log, but a write acknowledged by a primary alone can be rolled back at a
 * failover while the projector's checkpoint says it is done: every write waits for a majority.
 */
const MAJORITY: WriteConcernSettings = { w: 'majority' };

export interface MongoConnectOptions {
  /** Overrides the database named in the URI (default: the URI's, else `invitations`). */
  databaseName?: string;
  /** How long an operation waits for a usable server before failing (driver default: 30 s). */
  serverSelectionTimeoutMs?: number;
}

/** The read models, their checkpoints and the projector's lease in one MongoDB database, through one client. */
export class MongoReadModelStores implements ReadModelStores {
  readonly readModels: MongoReadModels;
  readonly checkpoints: MongoCheckpoints;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.readModels = new MongoReadModels(db);
    this.checkpoints = new MongoCheckpoints(db);
  }

  /** Connects (and fails now, rather than at the first query, when the server cannot be reached). */
  static async connect(uri: string, options: MongoConnectOptions = {}): Promise<MongoReadModelStores> {
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
    return new MongoReadModelStores(client, client.db(options.databaseName ?? databaseNameFromUri(uri)));
  }

  get storage(): ReadModelStorage {
    return this.readModels.storage;
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  /** A lease kept in this database (see mongo-lease.ts), e.g. so that one projector projects at a time. */
  lease(name: string, options: MongoLeaseOptions): MongoLease {
    return new MongoLease(this.db, name, options);
  }

  async ping(): Promise<void> {
    await this.db.admin().command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Drops the whole database: for tests, which each use a database of their own. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase({ writeConcern: MAJORITY });
  }
}
