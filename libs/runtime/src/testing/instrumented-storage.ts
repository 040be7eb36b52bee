import type {
  DocumentChange,
  DocumentStore,
  ProjectionName,
  ReadModelStorage,
} from '@invitations/read-models';
import type { ReadModelStores } from '../read-model-stores';

/** Called before each write of documents, which waits for it; throwing (or rejecting) makes that write fail. */
export type WriteHook = (name: ProjectionName, changes: readonly DocumentChange[]) => void | Promise<void>;

/** The same stores, whose live documents' writes go through the hook first: how tests see batching and failures. */
export function instrumentWrites(stores: ReadModelStores, beforeWrite: WriteHook): ReadModelStores {
  const storage: ReadModelStorage = delegate(stores.storage, {
    documents: (name: ProjectionName): DocumentStore => {
      const documents = stores.storage.documents(name);
      return delegate(documents, {
        write: async (changes: readonly DocumentChange[]) => {
          await beforeWrite(name, changes);
          return documents.write(changes);
        },
      });
    },
  });
  return delegate(stores, { storage });
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
