import type { Db, Filter, IndexDescription } from 'mongodb';
import type { DocumentChange } from '../projection/document-store';
import { MongoDocuments, type StoredDocument } from '../mongo/mongo-documents';
import { scopeGiven, withInviteeScope, type AuditEntryDoc, type InviteeScope } from './audit-entry.document';
import type { AuditLog, AuditPage, AuditQuery } from './audit.port';

/** Each criterion a page may be narrowed by, after the organisation, with the log order: one index each. */
export const AUDIT_INDEXES: readonly IndexDescription[] = [
  { key: { organisationId: 1, _id: 1 }, name: 'organisation_order' },
  { key: { organisationId: 1, poolId: 1, _id: 1 }, name: 'organisation_pool_order' },
  { key: { organisationId: 1, batchId: 1, _id: 1 }, name: 'organisation_batch_order' },
  { key: { organisationId: 1, inviteeId: 1, _id: 1 }, name: 'organisation_invitee_order' },
  { key: { organisationId: 1, actor: 1, _id: 1 }, name: 'organisation_actor_order' },
];

/** The `audit` read model in MongoDB. */
export class MongoAudit extends MongoDocuments<AuditEntryDoc> implements AuditLog {
  constructor(db: Db, collectionName = 'audit') {
    super(db.collection<StoredDocument>(collectionName), AUDIT_INDEXES);
  }

  /**
   * An invitee's later events name only the invitee: their pool and batch are those of its earlier entries (in
   * this batch of changes, or already stored: one query for the batch).
   */
  override async write(changes: readonly DocumentChange<AuditEntryDoc>[]): Promise<void> {
    const scopes = new Map<string, InviteeScope>();
    const missing = new Set<string>();
    const organisations = new Set<string>();
    for (const { document } of changes) {
      if (document === null || document.inviteeId === null) continue;
      const scope = scopeGiven(document);
      if (scope !== undefined) scopes.set(document.inviteeId, scope);
      else if (!scopes.has(document.inviteeId)) {
        missing.add(document.inviteeId);
        organisations.add(document.organisationId);
      }
    }
    if (missing.size > 0) {
      const stored = await this.collection
        .find(
          {
            organisationId: { $in: [...organisations] },
            inviteeId: { $in: [...missing] },
            batchId: { $ne: null },
            poolId: { $ne: null },
          },
          { projection: { inviteeId: 1, poolId: 1, batchId: 1 } },
        )
        .toArray();
      for (const doc of stored as unknown as AuditEntryDoc[]) {
        if (!scopes.has(doc.inviteeId!)) scopes.set(doc.inviteeId!, scopeGiven(doc)!);
      }
    }
    const filled = changes.map((change) => ({
      ...change,
      document: change.document && withInviteeScope(change.document, (id) => scopes.get(id)),
    }));
    await super.write(filled);
  }

  async page(query: AuditQuery, first: number, after: string | null): Promise<AuditPage> {
    const filter: Filter<StoredDocument> = { organisationId: query.organisationId };
    if (after !== null) filter._id = { $gt: after };
    if (query.from || query.to)
      filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
    if (query.actor) filter.actor = query.actor;
    if (query.types && query.types.length > 0) filter.type = { $in: [...query.types] };
    if (query.poolId) filter.poolId = query.poolId;
    if (query.batchId) filter.batchId = query.batchId;
    if (query.inviteeId) filter.inviteeId = query.inviteeId;
    const docs = (await this.collection
      .find(filter)
      .sort({ _id: 1 })
      .limit(first + 1)
      .toArray()) as unknown as AuditEntryDoc[];
    const entries = docs.slice(0, first);
    return { entries, hasNextPage: docs.length > first, endCursor: entries.at(-1)?._id ?? null };
  }
}
