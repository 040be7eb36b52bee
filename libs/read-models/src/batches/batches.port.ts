import type { BatchDoc } from './batch.document';

/** The `batches` read model's queries, always within an organisation. */
export interface Batches {
  byId(organisationId: string, batchId: string): Promise<BatchDoc | null>;
  /** The batches of a pool, oldest first (then by id). */
  ofPool(organisationId: string, poolId: string): Promise<BatchDoc[]>;
}
