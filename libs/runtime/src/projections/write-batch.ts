import type { BulkOperation, ReadCollection, ReadStore } from '@invitations/read-store';
import type { CollectionNaming } from './indexes';
import type { ProjectionWrite } from '@invitations/read-models';

/** True for a unique-index violation, from the embedded store or from MongoDB (code 11000). */
export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/**
 * The writes of many events, gathered per collection and applied with one ordered bulk write per
 * collection: applying events one write at a time would cost a round trip (or an await) each.
 */
export class WriteBatch {
  private readonly operations = new Map<string, BulkOperation[]>();
  private count = 0;

  constructor(private readonly collectionName: CollectionNaming) {}

  /** The number of operations gathered. */
  get size(): number {
    return this.count;
  }

  add(writes: readonly ProjectionWrite[]): void {
    for (const { collection, operation } of writes) {
      const name = this.collectionName(collection);
      let operations = this.operations.get(name);
      if (!operations) this.operations.set(name, (operations = []));
      operations.push(operation);
      this.count += 1;
    }
  }

  /** Applies every gathered write. The collections are independent, so they are written concurrently. */
  async apply(readStore: ReadStore): Promise<void> {
    const writes = [...this.operations].map(([name, operations]) =>
      applyInOrder(readStore.collection(name), operations),
    );
    await Promise.all(writes);
  }
}

async function applyInOrder(collection: ReadCollection, operations: BulkOperation[]): Promise<void> {
  try {
    await collection.bulkWrite(operations);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // An ordered bulk write stops at its first duplicate key, leaving the rest unapplied. Every
    // projection write is idempotent, so apply them again one by one, in order, and take a duplicate
    // key as "already there": at-least-once delivery makes it the same event seen before.
    for (const operation of operations) {
      try {
        await collection.bulkWrite([operation]);
      } catch (retryError) {
        if (!isDuplicateKeyError(retryError)) throw retryError;
      }
    }
  }
}
