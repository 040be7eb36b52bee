import type { DocumentChange } from '../projection/document-store';
import { InMemoryDocuments, type InMemoryState } from '../projection/in-memory-documents';
import { StringPool } from '../projection/string-pool';
import { scopeGiven, withInviteeScope, type AuditEntryDoc, type InviteeScope } from './audit-entry.document';
import { matchesAudit, type AuditLog, type AuditPage, type AuditQuery } from './audit.port';

interface AuditState extends InMemoryState<AuditEntryDoc> {
  /**
   * Each organisation's entries, and each pool's, batch's, invitee's and actor's, in log order (by `_id`): a page
   * walks the shortest list the query names from its cursor.
   */
  readonly lists: Map<string, AuditEntryDoc[]>;
  readonly scopes: Map<string, InviteeScope>;
}

const byId = (a: AuditEntryDoc, b: AuditEntryDoc) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** The index of the first entry after `id` in a list in log order. */
function firstAfter(list: readonly AuditEntryDoc[], id: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]._id <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The lists an entry is in, each under its own key. */
function listKeys(doc: AuditEntryDoc): string[] {
  const keys = [`org:${doc.organisationId}`];
  if (doc.poolId) keys.push(`pool:${doc.organisationId}:${doc.poolId}`);
  if (doc.batchId) keys.push(`batch:${doc.organisationId}:${doc.batchId}`);
  if (doc.inviteeId) keys.push(`invitee:${doc.organisationId}:${doc.inviteeId}`);
  if (doc.actor) keys.push(`actor:${doc.organisationId}:${doc.actor}`);
  return keys;
}

/** The lists a query may walk: each names only entries the query could match. */
function candidateKeys(query: AuditQuery): string[] {
  const org = query.organisationId;
  const keys = [`org:${org}`];
  if (query.poolId) keys.push(`pool:${org}:${query.poolId}`);
  if (query.batchId) keys.push(`batch:${org}:${query.batchId}`);
  if (query.inviteeId) keys.push(`invitee:${org}:${query.inviteeId}`);
  if (query.actor) keys.push(`actor:${org}:${query.actor}`);
  return keys;
}

/** The `audit` read model in memory. */
export class InMemoryAudit extends InMemoryDocuments<AuditEntryDoc, AuditState> implements AuditLog {
  /** An entry per event: its repeated strings (type, organisation, ids, stream, time) are held once. */
  private readonly strings = new StringPool();

  protected emptyState(): AuditState {
    return { byId: new Map(), lists: new Map(), scopes: new Map() };
  }

  /** Entries are written in log order, so an invitee's pool and batch are known by its later events. */
  override async write(changes: readonly DocumentChange<AuditEntryDoc>[]): Promise<void> {
    const { scopes } = this.state;
    for (const change of changes) {
      const document =
        change.document && this.compact(withInviteeScope(change.document, (id) => scopes.get(id)));
      await super.write([{ ...change, document }]);
    }
  }

  /** The entry with the pool's copies of its strings (its `_id` and `_pos`, one string, are its own). */
  private compact(entry: AuditEntryDoc): AuditEntryDoc {
    const shared = this.strings;
    return {
      _id: entry._id,
      organisationId: shared.shared(entry.organisationId),
      type: shared.shared(entry.type),
      at: shared.shared(entry.at),
      actor: shared.shared(entry.actor),
      actorName: shared.shared(entry.actorName),
      stream: shared.shared(entry.stream),
      revision: shared.shared(entry.revision),
      poolId: shared.shared(entry.poolId),
      batchId: shared.shared(entry.batchId),
      inviteeId: shared.shared(entry.inviteeId),
      _pos: entry._pos,
    };
  }

  async page(query: AuditQuery, first: number, after: string | null): Promise<AuditPage> {
    const { lists } = this.state;
    let list: readonly AuditEntryDoc[] = [];
    for (const [index, key] of candidateKeys(query).entries()) {
      const candidate = lists.get(key) ?? [];
      if (index === 0 || candidate.length < list.length) list = candidate;
    }
    const entries: AuditEntryDoc[] = [];
    let hasNextPage = false;
    for (let index = after === null ? 0 : firstAfter(list, after); index < list.length; index += 1) {
      const entry = list[index];
      if (!matchesAudit(entry, query)) continue;
      if (entries.length === first) {
        hasNextPage = true;
        break;
      }
      entries.push(entry);
    }
    return { entries, hasNextPage, endCursor: entries.at(-1)?._id ?? null };
  }

  protected added(doc: AuditEntryDoc): void {
    const scope = scopeGiven(doc);
    if (scope !== undefined && doc.inviteeId !== null) this.state.scopes.set(doc.inviteeId, scope);
    for (const key of listKeys(doc)) {
      const list = this.state.lists.get(key);
      if (list === undefined) this.state.lists.set(key, [doc]);
      else if (list.length === 0 || list[list.length - 1]._id < doc._id) list.push(doc);
      else list.splice(firstAfter(list, doc._id), 0, doc);
    }
  }

  protected removed(doc: AuditEntryDoc): void {
    for (const key of listKeys(doc)) {
      const list = this.state.lists.get(key);
      if (list === undefined) continue;
      const index = firstAfter(list, doc._id) - 1;
      if (index >= 0 && byId(list[index], doc) === 0) list.splice(index, 1);
      if (list.length === 0) this.state.lists.delete(key);
    }
  }
}
