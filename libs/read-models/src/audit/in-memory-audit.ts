import type { DocumentChange } from '../projection/document-store';
import { InMemoryDocuments, type InMemoryState } from '../projection/in-memory-documents';
import { StringPool } from '../projection/string-pool';
import { scopeGiven, withInviteeScope, type AuditEntryDoc, type InviteeScope } from './audit-entry.document';
import { matchesAudit, type AuditLog, type AuditPage, type AuditQuery } from './audit.port';

interface AuditState extends InMemoryState<AuditEntryDoc> {
  /**
   * Each organisation's entries, and each pool's, batch's, invitee's and actor's of it, in log order (by `_id`): a
   * page walks the shortest list the query names from its cursor.
   */
  readonly organisations: Map<string, OrganisationLists>;
  readonly scopes: Map<string, InviteeScope>;
}

/**
 * An organisation's lists, keyed by the pool's copies of the ids (see `compact`): a lookup by a string already
 * hashed, where a key made up per entry (`pool:<org>:<id>`) was a new string to build and hash for every event.
 */
interface OrganisationLists {
  readonly all: AuditEntryDoc[];
  readonly byPool: Map<string, AuditEntryDoc[]>;
  readonly byBatch: Map<string, AuditEntryDoc[]>;
  readonly byInvitee: Map<string, AuditEntryDoc[]>;
  readonly byActor: Map<string, AuditEntryDoc[]>;
}

/** What narrows the lists, each with the entry's field and the query's. */
const NARROWING = [
  ['byPool', 'poolId'],
  ['byBatch', 'batchId'],
  ['byInvitee', 'inviteeId'],
  ['byActor', 'actor'],
] as const;

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

/** Files an entry in a list in log order (nearly always at its end). */
function insert(list: AuditEntryDoc[], doc: AuditEntryDoc): void {
  if (list.length === 0 || list[list.length - 1]._id < doc._id) list.push(doc);
  else list.splice(firstAfter(list, doc._id), 0, doc);
}

/** Takes an entry out of a list in log order; true when the list is left empty. */
function takeOut(list: AuditEntryDoc[], doc: AuditEntryDoc): boolean {
  const index = firstAfter(list, doc._id) - 1;
  if (index >= 0 && byId(list[index], doc) === 0) list.splice(index, 1);
  return list.length === 0;
}

/** The `audit` read model in memory. */
export class InMemoryAudit extends InMemoryDocuments<AuditEntryDoc, AuditState> implements AuditLog {
  /** An entry per event: its repeated strings (type, organisation, ids, stream, time) are held once. */
  private readonly strings = new StringPool();

  protected emptyState(): AuditState {
    return { byId: new Map(), organisations: new Map(), scopes: new Map() };
  }

  /** Entries are written in log order, so an invitee's pool and batch are known by its later events. */
  override async write(changes: readonly DocumentChange<AuditEntryDoc>[]): Promise<void> {
    const { scopes } = this.state;
    const scopeOf = (id: string) => scopes.get(id);
    for (const { id, document, position } of changes) {
      this.apply(id, document && this.compact(withInviteeScope(document, scopeOf)), position);
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
    const lists = this.state.organisations.get(query.organisationId);
    let list: readonly AuditEntryDoc[] = lists?.all ?? [];
    if (lists !== undefined) {
      for (const [key, field] of NARROWING) {
        const value = query[field];
        if (!value) continue;
        const candidate = lists[key].get(value) ?? [];
        if (candidate.length < list.length) list = candidate;
      }
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
    const { scopes, organisations } = this.state;
    // An invitee's pool and batch do not change: the first entry that names them is enough.
    if (doc.inviteeId !== null && !scopes.has(doc.inviteeId)) {
      const scope = scopeGiven(doc);
      if (scope !== undefined) scopes.set(doc.inviteeId, scope);
    }
    let lists = organisations.get(doc.organisationId);
    if (lists === undefined) {
      lists = { all: [], byPool: new Map(), byBatch: new Map(), byInvitee: new Map(), byActor: new Map() };
      organisations.set(doc.organisationId, lists);
    }
    insert(lists.all, doc);
    for (const [key, field] of NARROWING) {
      const value = doc[field];
      if (!value) continue;
      const list = lists[key].get(value);
      if (list === undefined) lists[key].set(value, [doc]);
      else insert(list, doc);
    }
  }

  protected removed(doc: AuditEntryDoc): void {
    const lists = this.state.organisations.get(doc.organisationId);
    if (lists === undefined) return;
    takeOut(lists.all, doc);
    for (const [key, field] of NARROWING) {
      const value = doc[field];
      if (!value) continue;
      const list = lists[key].get(value);
      if (list !== undefined && takeOut(list, doc)) lists[key].delete(value);
    }
    if (lists.all.length === 0) this.state.organisations.delete(doc.organisationId);
  }
}
