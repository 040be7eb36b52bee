import type { Doc, ReadCollection, ReadStore } from '../read-store.port';
import { EmbeddedCollection } from './embedded-collection';
import { TableCatalog } from './table-catalog';

/**
 * The embedded read store: collections in memory, queried and updated in MongoDB's language
 * (evaluated by mingo), with hash indexes for equality lookups and unique indexes enforced.
 * Nothing survives a restart, so projections rebuild their read models from the log at start.
 */
export class EmbeddedReadStore implements ReadStore {
  readonly ephemeral = true;
  private readonly catalog = new TableCatalog();

  collection<T extends Doc = Doc>(name: string): ReadCollection<T> {
    if (name.length === 0 || name.includes('$') || name.includes('\0')) {
      throw new Error(`Invalid collection name: ${JSON.stringify(name)}`);
    }
    return new EmbeddedCollection<T>(name, this.catalog);
  }

  async listCollections(): Promise<string[]> {
    return this.catalog.names();
  }

  async renameCollection(from: string, to: string): Promise<void> {
    this.catalog.rename(from, to);
  }

  async buildDeferredIndexes(): Promise<void> {
    for (const name of this.catalog.names()) this.catalog.existing(name)?.buildPendingIndexes();
  }

  async ping(): Promise<void> {
    this.catalog.checkOpen();
  }

  async close(): Promise<void> {
    this.catalog.close();
  }
}
