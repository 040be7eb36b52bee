import { randomBytes } from 'node:crypto';
import { Binary, MongoClient, type Collection, type Db } from 'mongodb';
import type { KeyStore } from '@invitations/event-store';
import { databaseNameFromUri } from './database-name';

const COLLECTION = 'personal_data_keys';
const KEY_BYTES = 32;
const DUPLICATE_KEY = 11000;

/** One subject's key; a destroyed subject keeps its document with `key: null`, so no key is created for it again. */
interface KeyDocument {
  _id: string;
  key: Binary | null;
  destroyedAt?: Date;
}

/**
 * The key store on MongoDB (beside the read models, when MONGO_URL is set): writes acknowledged by a majority and
 * journaled before an event needing the key is appended. Keys are cached in this process; a key destroyed by
 * another process is dropped from the cache when its erasure event is read (`forget`). Destroying unsets the key
 * in its document: MongoDB's oplog and backups still hold it until they roll over (docs/operations.md).
 */
export class MongoKeyStore implements KeyStore {
  private readonly cache = new Map<string, Buffer | null>();

  private constructor(
    private readonly keys: Collection<KeyDocument>,
    private readonly close_: () => Promise<void>,
  ) {}

  static async connect(uri: string, options: { databaseName?: string } = {}): Promise<MongoKeyStore> {
    const client = new MongoClient(uri, {
      appName: 'invitation-service-keys',
      writeConcern: { w: 'majority', j: true },
    });
    await client.connect();
    return MongoKeyStore.on(client.db(options.databaseName ?? databaseNameFromUri(uri)), () =>
      client.close(),
    );
  }

  static on(db: Db, close: () => Promise<void> = async () => undefined): MongoKeyStore {
    return new MongoKeyStore(db.collection<KeyDocument>(COLLECTION), close);
  }

  async keysFor(subjects: readonly string[]): Promise<Map<string, Buffer | null>> {
    const unique = [...new Set(subjects)];
    const found = new Map<string, Buffer | null>();
    const unknown = unique.filter((subject) => {
      const cached = this.cache.get(subject);
      if (cached === undefined) return true;
      found.set(subject, cached);
      return false;
    });
    if (unknown.length > 0) {
      await this.load(unknown, found);
      const missing = unknown.filter((subject) => !found.has(subject));
      if (missing.length > 0) {
        const created = missing.map((subject) => ({ _id: subject, key: new Binary(randomBytes(KEY_BYTES)) }));
        try {
          await this.keys.insertMany(created, { ordered: false });
        } catch (error) {
          // Another process created some first: theirs are the keys.
          if (!isOnlyDuplicates(error)) throw error;
        }
        await this.load(missing, found);
      }
    }
    return found;
  }

  async find(subject: string): Promise<Buffer | null> {
    const cached = this.cache.get(subject);
    if (cached !== undefined) return cached;
    const found = new Map<string, Buffer | null>();
    await this.load([subject], found);
    return found.get(subject) ?? null;
  }

  cached(subject: string): Buffer | null | undefined {
    return this.cache.get(subject);
  }

  async destroy(subjects: readonly string[]): Promise<void> {
    if (subjects.length === 0) return;
    const destroyedAt = new Date();
    await this.keys.bulkWrite(
      subjects.map((subject) => ({
        updateOne: { filter: { _id: subject }, update: { $set: { key: null, destroyedAt } }, upsert: true },
      })),
      { ordered: false },
    );
    for (const subject of subjects) this.cache.set(subject, null);
  }

  forget(subject: string): void {
    this.cache.delete(subject);
  }

  close(): Promise<void> {
    return this.close_();
  }

  private async load(subjects: readonly string[], into: Map<string, Buffer | null>): Promise<void> {
    for await (const document of this.keys.find({ _id: { $in: [...subjects] } })) {
      const key = document.key === null ? null : Buffer.from(document.key.buffer);
      this.cache.set(document._id, key);
      into.set(document._id, key);
    }
  }
}

function isOnlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.length > 0 && list.every((writeError) => writeError.code === DUPLICATE_KEY);
}
