import type { DocumentChange, DocumentStore } from './document-store';
import type { Positioned } from './projection';

/** What an in-memory read model keeps: its documents by id, and whatever its queries look them up by. */
export interface InMemoryState<D extends Positioned> {
  readonly byId: Map<string, D>;
}

/**
 * A projection's documents held in memory, for the embedded default: a Map by id, and the structures its queries
 * need (kept by a subclass as documents come and go, in one state object so that a version built aside can be
 * switched in at once). Documents are shared with readers, never copied: a projection never changes a document
 * in place (it makes a new one), so neither may anyone else.
 */
export abstract class InMemoryDocuments<
  D extends Positioned,
  S extends InMemoryState<D> = InMemoryState<D>,
> implements DocumentStore<D> {
  protected state: S;
  /**
   * Whether a version built aside may hold only its documents by id while it is built, and file them all in the
   * query structures once, when it is switched in (`finishBuilding`): true where those structures do not depend on
   * the order documents come and go in, nor `admits` on them. A rebuild then files each document once, rather than
   * every version of it the log's events make.
   */
  protected readonly filedOnceBuilt: boolean = false;
  /** True while this store is a version built aside that holds its documents by id only. */
  private building = false;

  constructor() {
    this.state = this.emptyState();
  }

  protected abstract emptyState(): S;
  /** Files a document the store now holds in the query structures. */
  protected abstract added(doc: D): void;
  /** Takes a document the store no longer holds out of them. */
  protected abstract removed(doc: D): void;

  /** Replaces a document by its next version: out and in again, unless a subclass knows a shorter way. */
  protected replaced(previous: D, next: D): void {
    this.removed(previous);
    this.added(next);
  }

  /** Whether a new document may be added: false where a unique key is another document's already. */
  protected admits(_doc: D): boolean {
    return true;
  }

  get size(): number {
    return this.state.byId.size;
  }

  async load(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    const found = new Map<string, D>();
    const { byId } = this.state;
    for (const id of ids) {
      const doc = byId.get(id);
      if (doc !== undefined) found.set(id, doc);
    }
    return found;
  }

  async write(changes: readonly DocumentChange<D>[]): Promise<void> {
    for (const { id, document, position } of changes) this.apply(id, document, position);
  }

  async all(): Promise<D[]> {
    return [...this.state.byId.values()].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }

  /** Makes this (empty) store a version built aside: see `filedOnceBuilt`. */
  startBuilding(): void {
    this.building = this.filedOnceBuilt;
  }

  /** Files every document in the query structures, once a version built aside is complete. */
  finishBuilding(): void {
    if (!this.building) return;
    this.building = false;
    for (const doc of this.state.byId.values()) this.added(doc);
  }

  /** Exchanges contents with another store of the same read model: how a version built aside is switched in. */
  swapContents(other: this): void {
    const mine = this.state;
    this.state = other.state;
    other.state = mine;
  }

  /** One change, unless the document is already at or past its position. */
  protected apply(id: string, document: D | null, position: string): void {
    const { byId } = this.state;
    const current = byId.get(id);
    if (current !== undefined && current._pos >= position) return;
    if (this.building) {
      if (document === null) byId.delete(id);
      else byId.set(id, document);
      return;
    }
    if (document === null) {
      if (current === undefined) return;
      byId.delete(id);
      this.removed(current);
    } else if (current !== undefined) {
      byId.set(id, document);
      this.replaced(current, document);
    } else if (this.admits(document)) {
      byId.set(id, document);
      this.added(document);
    }
  }
}
