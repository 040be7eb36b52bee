import type { Db, IndexDescription } from 'mongodb';
import { MongoDocuments, MongoOrganisationDocuments, type StoredDocument } from '../mongo/mongo-documents';
import type { MemberDoc, PoolDoc } from './pool.document';
import type { Pools } from './pools.port';

export const POOL_INDEXES: readonly IndexDescription[] = [
  { key: { organisationId: 1 }, name: 'organisation' },
];

export const MEMBER_INDEXES: readonly IndexDescription[] = [
  { key: { organisationId: 1, passportId: 1 }, name: 'organisation_passport' },
  { key: { poolId: 1, organisationId: 1 }, name: 'pool_organisation' },
];

/** The `pools` documents in MongoDB. */
export class MongoPoolDocuments extends MongoOrganisationDocuments<PoolDoc> {
  constructor(db: Db, collectionName = 'pools') {
    super(db.collection<StoredDocument>(collectionName), POOL_INDEXES);
  }
}

/** The `members` documents in MongoDB. */
export class MongoMemberDocuments extends MongoDocuments<MemberDoc> {
  constructor(db: Db, collectionName = 'members') {
    super(db.collection<StoredDocument>(collectionName), MEMBER_INDEXES);
  }
}

/** The pools and members read model in MongoDB: its queries over the two collections. */
export class MongoPools implements Pools {
  constructor(
    readonly pools: MongoPoolDocuments,
    readonly members: MongoMemberDocuments,
  ) {}

  async byId(organisationId: string, poolId: string): Promise<PoolDoc | null> {
    return this.pools.byId(organisationId, poolId);
  }

  async ofOrganisation(organisationId: string): Promise<PoolDoc[]> {
    return this.pools.sorted({ organisationId }, { createdAt: 1, _id: 1 });
  }

  memberCount(organisationId: string, poolId: string): Promise<number> {
    return this.members.collection.countDocuments({ organisationId, poolId });
  }

  async member(organisationId: string, poolId: string, memberId: string): Promise<MemberDoc | null> {
    const doc = await this.members.collection.findOne({ _id: memberId, organisationId, poolId });
    return doc as MemberDoc | null;
  }

  async isMemberOfAnotherPool(organisationId: string, passportId: string, poolId: string): Promise<boolean> {
    const other = await this.members.collection.findOne(
      { organisationId, passportId, poolId: { $ne: poolId } },
      { projection: { _id: 1 } },
    );
    return other !== null;
  }
}
