import { InMemoryReadModels, type ReadModelSet, type ReadModelStorage } from '@invitations/read-models';
import { InMemoryCheckpoints, type CheckpointStore } from './checkpoint-store';
import type { ProjectionTarget } from './projections/projection-target';

/** The provider token of the read models' stores, in the apps' modules. */
export const READ_MODELS = Symbol('READ_MODELS');

/**
 * The read models with what keeps them (their checkpoints) in one adapter: in memory for the embedded default, or
 * one MongoDB database. The queries are `readModels`; the runner and rebuilds write through `storage`.
 */
export interface ReadModelStores extends ProjectionTarget {
  readonly readModels: ReadModelSet;
  readonly storage: ReadModelStorage;
  readonly checkpoints: CheckpointStore;
  /** Reachability, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The read models and their checkpoints in this process's memory: nothing survives it, so they start from the log. */
export class InMemoryReadModelStores implements ReadModelStores {
  readonly readModels = new InMemoryReadModels();
  readonly checkpoints: CheckpointStore = new InMemoryCheckpoints();
  private closed = false;

  get storage(): ReadModelStorage {
    return this.readModels.storage;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The read models are closed');
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
