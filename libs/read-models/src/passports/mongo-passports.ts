import type { Db, IndexDescription } from 'mongodb';
import { MongoDocuments, type StoredDocument } from '../mongo/mongo-documents';
import type { PassportDoc } from './passport.document';
import type { Passports } from './passports.port';

/**
 * Email is unique here too. Mobile is indexed but not unique: most passports have none, and the event store's
 * passport keys already keep mobiles unique.
 */
export const PASSPORT_INDEXES: readonly IndexDescription[] = [
  { key: { email: 1 }, unique: true, name: 'email_unique' },
  { key: { mobile: 1 }, name: 'mobile' },
  { key: { nameKey: 1 }, name: 'name_key' },
];

/** The `passports` read model in MongoDB. */
export class MongoPassports extends MongoDocuments<PassportDoc> implements Passports {
  constructor(db: Db, collectionName = 'passports') {
    super(db.collection<StoredDocument>(collectionName), PASSPORT_INDEXES);
  }

  async byEmail(email: string): Promise<PassportDoc | null> {
    return (await this.collection.findOne({ email })) as PassportDoc | null;
  }

  async byMobile(mobile: string): Promise<PassportDoc | null> {
    return (await this.collection.findOne({ mobile })) as PassportDoc | null;
  }

  byEmails(emails: readonly string[]): Promise<PassportDoc[]> {
    return this.findIn('email', emails);
  }

  byMobiles(mobiles: readonly string[]): Promise<PassportDoc[]> {
    return this.findIn('mobile', mobiles);
  }

  byPossibleDuplicateKeys(keys: readonly string[]): Promise<PassportDoc[]> {
    return this.findIn('nameKey', keys);
  }

  private async findIn(
    field: 'email' | 'mobile' | 'nameKey',
    values: readonly string[],
  ): Promise<PassportDoc[]> {
    if (values.length === 0) return [];
    const docs = await this.collection.find({ [field]: { $in: [...values] } }).toArray();
    return docs as unknown as PassportDoc[];
  }
}
