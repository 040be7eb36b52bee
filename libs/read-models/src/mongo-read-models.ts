import type { Db } from 'mongodb';
import { MongoAudit } from './audit/mongo-audit';
import { MongoBatches } from './batches/mongo-batches';
import { MongoInvitees } from './invitees/mongo/mongo-invitees';
import type { MongoDocuments } from './mongo/mongo-documents';
import { MongoPassports } from './passports/mongo-passports';
import { MongoMemberDocuments, MongoPoolDocuments, MongoPools } from './pools/mongo-pools';
import type { DocumentStore } from './projection/document-store';
import type { Positioned, ProjectionName } from './projection/projection';
import { previousVersion, type ReadModelStorage } from './projection/read-model-storage';
import { documentsByProjection, type ReadModelSet } from './read-model-set';
import { MongoUploads } from './uploads/mongo-uploads';

/** Each projection's documents in a collection of the given name (the live one is named after the projection). */
const IN_COLLECTION: Record<ProjectionName, (db: Db, name: string) => MongoDocuments<Positioned>> = {
  invitees: (db, name) => new MongoInvitees(db, name) as unknown as MongoDocuments<Positioned>,
  batches: (db, name) => new MongoBatches(db, name) as unknown as MongoDocuments<Positioned>,
  pools: (db, name) => new MongoPoolDocuments(db, name) as unknown as MongoDocuments<Positioned>,
  members: (db, name) => new MongoMemberDocuments(db, name) as unknown as MongoDocuments<Positioned>,
  passports: (db, name) => new MongoPassports(db, name) as unknown as MongoDocuments<Positioned>,
  uploads: (db, name) => new MongoUploads(db, name) as unknown as MongoDocuments<Positioned>,
  audit: (db, name) => new MongoAudit(db, name) as unknown as MongoDocuments<Positioned>,
};

/**
 * Every read model in MongoDB, one collection per projection. The driver (and its connection) are the caller's:
 * this only needs the database. A version is built aside in `<name><suffix>`, then switched in by renames
 * (MongoDB swaps no two collections in one step: for that instant a query finds the read model empty).
 */
export class MongoReadModels implements ReadModelSet, ReadModelStorage {
  readonly invitees: MongoInvitees;
  readonly batches: MongoBatches;
  readonly pools: MongoPools;
  readonly passports: MongoPassports;
  readonly uploads: MongoUploads;
  readonly audit: MongoAudit;
  private readonly live: Record<ProjectionName, MongoDocuments<Positioned>>;
  /** Each write is a bulk write per collection, a round trip: a rebuild makes them large. */
  readonly rebuildBatchSize = 10_000;

  constructor(private readonly db: Db) {
    this.invitees = new MongoInvitees(db);
    this.batches = new MongoBatches(db);
    this.pools = new MongoPools(new MongoPoolDocuments(db), new MongoMemberDocuments(db));
    this.passports = new MongoPassports(db);
    this.uploads = new MongoUploads(db);
    this.audit = new MongoAudit(db);
    this.live = documentsByProjection<MongoDocuments<Positioned>>(this);
  }

  get storage(): ReadModelStorage {
    return this;
  }

  documents(name: ProjectionName): DocumentStore {
    return this.live[name];
  }

  async collections(): Promise<string[]> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections.map((collection) => collection.name).filter((name) => !name.startsWith('system.'));
  }

  async prepare(names: readonly ProjectionName[]): Promise<void> {
    for (const name of names) await this.live[name].ensureIndexes();
  }

  async buildAside(name: ProjectionName, suffix: string): Promise<DocumentStore> {
    const aside = IN_COLLECTION[name](this.db, `${name}${suffix}`);
    // The driver answers false, not an error, for a collection that does not exist.
    await aside.collection.drop();
    return aside;
  }

  /** Indexes are built once the version aside is whole (cheaper than keeping them up as it is written). */
  async switchIn(name: ProjectionName, suffix: string): Promise<string | null> {
    const aside = IN_COLLECTION[name](this.db, `${name}${suffix}`);
    await aside.ensureIndexes(); // creates the collection too, when nothing was written to it
    const existing = new Set(await this.collections());
    let previous: string | null = null;
    if (existing.has(name)) {
      await this.rename(name, previousVersion(name));
      previous = previousVersion(name);
    }
    await this.rename(`${name}${suffix}`, name);
    return previous;
  }

  async previous(name: ProjectionName): Promise<DocumentStore | null> {
    const kept = previousVersion(name);
    return (await this.collections()).includes(kept) ? IN_COLLECTION[name](this.db, kept) : null;
  }

  /** One server command, atomic within the database; it takes no write concern from the client, so it is given one. */
  private async rename(from: string, to: string): Promise<void> {
    await this.db.renameCollection(from, to, { dropTarget: true, writeConcern: { w: 'majority' } });
  }
}
