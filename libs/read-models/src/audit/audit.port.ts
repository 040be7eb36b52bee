import type { AuditEntryDoc } from './audit-entry.document';

/** What an audit page is narrowed to: always one organisation; every other criterion only when given. */
export interface AuditQuery {
  organisationId: string;
  /** From this instant, included (ISO-8601, UTC). */
  from?: string | null;
  /** Until this instant, excluded, so that consecutive periods do not overlap. */
  to?: string | null;
  /** The actor's `sub`. */
  actor?: string | null;
  /** Any of these event types. */
  types?: readonly string[] | null;
  poolId?: string | null;
  batchId?: string | null;
  inviteeId?: string | null;
}

export interface AuditPage {
  /** In log order (oldest first). */
  entries: AuditEntryDoc[];
  hasNextPage: boolean;
  /** The cursor after the last entry (its `_id`); null for an empty page. */
  endCursor: string | null;
}

/** The `audit` read model's queries: an organisation's entries, in log order, a page after a cursor. */
export interface AuditLog {
  /** Up to `first` entries matching the query after the cursor (an entry's `_id`; from the start when null). */
  page(query: AuditQuery, first: number, after: string | null): Promise<AuditPage>;
}

/** The fields of an entry a query narrows by. */
export type AuditEntryFields = Pick<
  AuditEntryDoc,
  'organisationId' | 'type' | 'at' | 'actor' | 'poolId' | 'batchId' | 'inviteeId'
>;

/** Whether an entry matches every criterion given (the organisation included). */
export function matchesAudit(entry: AuditEntryFields, query: AuditQuery): boolean {
  return (
    entry.organisationId === query.organisationId &&
    (!query.from || entry.at >= query.from) &&
    (!query.to || entry.at < query.to) &&
    (!query.actor || entry.actor === query.actor) &&
    (!query.types || query.types.length === 0 || query.types.includes(entry.type)) &&
    (!query.poolId || entry.poolId === query.poolId) &&
    (!query.batchId || entry.batchId === query.batchId) &&
    (!query.inviteeId || entry.inviteeId === query.inviteeId)
  );
}
