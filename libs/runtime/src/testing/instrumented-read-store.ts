import type { BulkOperation, ReadCollection, ReadStore } from '@invitations/read-store';

/** Called before each bulk write, which waits for it; throwing (or rejecting) makes that write fail. */
export type BulkWriteHook = (
  collection: string,
  operations: readonly BulkOperation[],
) => void | Promise<void>;

/** Wraps a read store to watch, delay or fail its bulk writes: how tests see batching and failures. */
export function instrumentReadStore(readStore: ReadStore, beforeBulkWrite: BulkWriteHook): ReadStore {
  const collection = (name: string): ReadCollection =>
    delegate(readStore.collection(name), {
      bulkWrite: async (operations: readonly BulkOperation[]) => {
        await beforeBulkWrite(name, operations);
        return readStore.collection(name).bulkWrite(operations);
      },
    });
  return delegate(readStore, { collection: collection as ReadStore['collection'] });
}

function delegate<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in overrides) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
