import type { Collection, Db } from 'mongodb';
import type { CheckpointStore } from '../checkpoint-store';
import { NO_POSITION } from '../checkpoint-store';

/** One subscriber's checkpoint: the position as a decimal string (bigints do not survive every store). */
interface CheckpointDocument {
  _id: string;
  position: string;
}

/** Checkpoints in MongoDB's `checkpoints` collection, `{_id: name, position: "<decimal>"}`. */
export class MongoCheckpoints implements CheckpointStore {
  private readonly checkpoints: Collection<CheckpointDocument>;

  constructor(db: Db, collectionName = 'checkpoints') {
    this.checkpoints = db.collection<CheckpointDocument>(collectionName);
  }

  async load(names: readonly string[]): Promise<Map<string, bigint>> {
    const docs = await this.checkpoints.find({ _id: { $in: [...names] } }).toArray();
    const stored = new Map(docs.map((doc) => [doc._id, BigInt(doc.position)]));
    return new Map(names.map((name) => [name, stored.get(name) ?? NO_POSITION]));
  }

  async save(names: readonly string[], position: bigint): Promise<void> {
    if (names.length === 0) return;
    const update = { $set: { position: position.toString() } };
    await this.checkpoints.bulkWrite(
      names.map((name) => ({ updateOne: { filter: { _id: name }, update, upsert: true } })),
    );
  }

  async list(): Promise<{ name: string; position: bigint }[]> {
    const docs = await this.checkpoints.find({}).sort({ _id: 1 }).toArray();
    return docs.map((doc) => ({ name: doc._id, position: BigInt(doc.position) }));
  }
}
