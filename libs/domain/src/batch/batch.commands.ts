export interface CreateBatch {
  type: 'CreateBatch';
  batchId: string;
  /** The pool, as loaded by the handler from its stream (null when it does not exist). */
  pool: { poolId: string; organisationId: string } | null;
  organisationId: string;
  name: string;
  /** ISO-8601 instant, UTC: when the batch is created. */
  now: string;
}

export type BatchCommand = CreateBatch;
