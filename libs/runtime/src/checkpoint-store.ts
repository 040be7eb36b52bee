import type { ReadStore } from '@invitations/read-store';

/** Where a subscriber remembers the last position it processed. */
export interface CheckpointStore {
  load(name: string): Promise<bigint | undefined>;
  save(name: string, position: bigint): Promise<void>;
}

/** Checkpoints in the read store's `checkpoints` collection (`{_id: name, position: "<decimal>"}`). */
export class ReadStoreCheckpoints implements CheckpointStore {
  constructor(private readonly readStore: ReadStore) {}

  async load(name: string): Promise<bigint | undefined> {
    const doc = await this.readStore.collection('checkpoints').findOne({ _id: name });
    return typeof doc?.position === 'string' ? BigInt(doc.position) : undefined;
  }

  async save(name: string, position: bigint): Promise<void> {
    await this.readStore
      .collection('checkpoints')
      .updateOne({ _id: name }, { $set: { position: position.toString() } }, { upsert: true });
  }
}
