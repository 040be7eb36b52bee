import { InMemoryDocuments, type InMemoryState } from '../projection/in-memory-documents';
import type { BatchDoc } from './batch.document';
import { insertInCreationOrder, removeFromList } from '../projection/creation-order';
import type { Batches } from './batches.port';

interface BatchesState extends InMemoryState<BatchDoc> {
  /** Each pool's batches, kept in creation order (a pool has a few: inserting in order is cheap). */
  readonly byPool: Map<string, BatchDoc[]>;
}

/** The `batches` read model in memory. */
export class InMemoryBatches extends InMemoryDocuments<BatchDoc, BatchesState> implements Batches {
  protected emptyState(): BatchesState {
    return { byId: new Map(), byPool: new Map() };
  }

  async byId(organisationId: string, batchId: string): Promise<BatchDoc | null> {
    const doc = this.state.byId.get(batchId);
    return doc !== undefined && doc.organisationId === organisationId ? doc : null;
  }

  async ofPool(organisationId: string, poolId: string): Promise<BatchDoc[]> {
    const batches = this.state.byPool.get(poolId) ?? [];
    return batches.filter((doc) => doc.organisationId === organisationId);
  }

  protected added(doc: BatchDoc): void {
    insertInCreationOrder(this.state.byPool, doc.poolId, doc);
  }

  protected removed(doc: BatchDoc): void {
    removeFromList(this.state.byPool, doc.poolId, doc);
  }
}
