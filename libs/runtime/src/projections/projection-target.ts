import type { ReadModelStorage } from '@invitations/read-models';
import type { CheckpointStore } from '../checkpoint-store';

/** What projections are run into: the read models' documents, and the checkpoints saying how far they are. */
export interface ProjectionTarget {
  readonly storage: ReadModelStorage;
  readonly checkpoints: CheckpointStore;
}
