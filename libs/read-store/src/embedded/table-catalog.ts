import { DocumentTable } from './document-table';

/**
 * The collections of an embedded store by name. A collection exists from its first write (or
 * index) until it is dropped or renamed away, as in MongoDB; reading one that does not exist finds nothing.
 */
export class TableCatalog {
  private readonly tables = new Map<string, DocumentTable>();
  private closed = false;

  /** The collection, if it exists. */
  existing(name: string): DocumentTable | undefined {
    this.checkOpen();
    return this.tables.get(name);
  }

  /** The collection, created if needed. */
  obtain(name: string): DocumentTable {
    this.checkOpen();
    let table = this.tables.get(name);
    if (table === undefined) {
      table = new DocumentTable(name);
      this.tables.set(name, table);
    }
    return table;
  }

  drop(name: string): void {
    this.checkOpen();
    this.tables.delete(name);
  }

  names(): string[] {
    this.checkOpen();
    return [...this.tables.keys()];
  }

  /** Moves a collection, with its indexes, to a new name, replacing any collection there. */
  rename(from: string, to: string): void {
    this.checkOpen();
    const table = this.tables.get(from);
    if (table === undefined) throw new Error(`Cannot rename ${from}: the collection does not exist`);
    if (from === to) throw new Error(`Cannot rename ${from} to itself`);
    this.tables.delete(from);
    table.name = to;
    this.tables.set(to, table);
  }

  close(): void {
    this.closed = true;
    this.tables.clear();
  }

  checkOpen(): void {
    if (this.closed) throw new Error('The embedded read store is closed');
  }
}
