export interface CreateBatch {
  type: 'CreateBatch';
  batchId: string;
  /** The pool, as loaded by the handler from its stream (null when it does not exist). */
  pool: { poolId: string; organisationId: string } | null;
  organisationId: string;
  name: string;
  /** ISO-8601 instant, UTC: when the batch is created. */
  now: string;
  /** The batch's own invitation terms, in whole days; null or absent for the organisation's. */
  invitationTtlDays?: number | null;
  reminderDaysBeforeExpiry?: number | null;
}

/** Renames the batch or changes its invitation terms: a field left undefined keeps its value. */
export interface UpdateBatch {
  type: 'UpdateBatch';
  name?: string | null;
  invitationTtlDays?: number | null;
  reminderDaysBeforeExpiry?: number | null;
  now: string;
}

export type BatchCommand = CreateBatch | UpdateBatch;
