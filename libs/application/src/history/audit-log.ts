import type { EventStore, RecordedEvent } from '@invitations/event-store';
import { ServiceError } from '@invitations/kernel';
import type { AuditEntryDoc, AuditLog, AuditQuery } from '@invitations/read-models';
import { auditRecord, type AuditRecord } from './audit-record';

/** What an admin narrows the organisation's audit log to (the contract's AuditLogFilter). */
export interface AuditLogFilter {
  /** From this instant, included. */
  from?: Date | null;
  /** Until this instant, excluded. */
  to?: Date | null;
  /** The actor's `sub`. */
  actor?: string | null;
  types?: readonly string[] | null;
  poolId?: string | null;
  batchId?: string | null;
  inviteeId?: string | null;
}

/** One entry of the audit log: the event as the audit sees it, with the actor's name and what it is about. */
export interface AuditLogEntry extends AuditRecord {
  actorName: string | null;
  poolId: string | null;
  batchId: string | null;
  inviteeId: string | null;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface AuditLogPorts {
  store: Pick<EventStore, 'readStream'>;
  audit: AuditLog;
}

/** The largest page the API answers; a page of the CSV export is this size too. */
export const MAX_AUDIT_PAGE = 500;

/** A cursor is an entry's id: its log position, fixed-width (see positionKey). */
const CURSOR = /^\d{20}$/;

/**
 * A page of the organisation's audit log, oldest first, from the audit read model (no scan of the log): only this
 * organisation's entries, each with its event's data read from the log by its stream and revision (the secrets in
 * it redacted, as in an invitee's history).
 */
export async function auditLogPage(
  ports: AuditLogPorts,
  organisationId: string,
  filter: AuditLogFilter,
  first: number,
  after: string | null,
): Promise<AuditLogPage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE)
    throw new ServiceError('BAD_USER_INPUT', `first must be a whole number from 1 to ${MAX_AUDIT_PAGE}.`, [
      { field: 'first', message: `must be from 1 to ${MAX_AUDIT_PAGE}` },
    ]);
  if (after !== null && !CURSOR.test(after))
    throw new ServiceError('BAD_USER_INPUT', 'The cursor is not valid.', [
      { field: 'after', message: 'is not a valid cursor' },
    ]);
  checkAuditFilter(filter);
  const page = await ports.audit.page(auditQuery(organisationId, filter), first, after);
  const events = await eventsOf(ports.store, page.entries);
  return {
    entries: page.entries.map((entry) => auditLogEntry(entry, events.get(entry._id))),
    hasNextPage: page.hasNextPage,
    endCursor: page.endCursor,
  };
}

/** A filter's own sense: a period that ends before it starts is a BAD_USER_INPUT (checked before a CSV starts). */
export function checkAuditFilter(filter: AuditLogFilter): void {
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime())
    throw new ServiceError('BAD_USER_INPUT', 'from must not be after to.', [
      { field: 'from', message: 'is after to' },
    ]);
}

/** Every entry the filter selects, a page at a time: what the CSV export streams. */
export async function* auditLogEntries(
  ports: AuditLogPorts,
  organisationId: string,
  filter: AuditLogFilter,
): AsyncGenerator<AuditLogEntry> {
  let after: string | null = null;
  for (;;) {
    const page = await auditLogPage(ports, organisationId, filter, MAX_AUDIT_PAGE, after);
    yield* page.entries;
    if (!page.hasNextPage) return;
    after = page.endCursor;
  }
}

function auditQuery(organisationId: string, filter: AuditLogFilter): AuditQuery {
  return {
    organisationId,
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
    actor: filter.actor || null,
    types: filter.types && filter.types.length > 0 ? filter.types : null,
    poolId: filter.poolId || null,
    batchId: filter.batchId || null,
    inviteeId: filter.inviteeId || null,
  };
}

function auditLogEntry(entry: AuditEntryDoc, event: RecordedEvent | undefined): AuditLogEntry {
  const record: AuditRecord = event
    ? auditRecord(event)
    : {
        position: BigInt(entry._id).toString(),
        stream: entry.stream,
        type: entry.type,
        at: entry.at,
        actor: entry.actor,
        correlationId: '',
        data: null,
      };
  return {
    ...record,
    actorName: entry.actorName,
    poolId: entry.poolId,
    batchId: entry.batchId,
    inviteeId: entry.inviteeId,
  };
}

/**
 * The events of a page's entries, by entry id: one read per run of consecutive revisions of a stream (a command's
 * events are such a run), so a page costs a few reads, not one per entry.
 */
async function eventsOf(
  store: Pick<EventStore, 'readStream'>,
  entries: readonly AuditEntryDoc[],
): Promise<Map<string, RecordedEvent>> {
  const found = new Map<string, RecordedEvent>();
  let index = 0;
  while (index < entries.length) {
    const start = entries[index];
    let end = index + 1;
    while (
      end < entries.length &&
      entries[end].stream === start.stream &&
      BigInt(entries[end].revision) === BigInt(start.revision) + BigInt(end - index)
    )
      end += 1;
    const run = entries.slice(index, end);
    const byRevision = new Map(run.map((entry) => [entry.revision, entry._id]));
    const events = store.readStream(start.stream, {
      fromRevision: BigInt(start.revision),
      maxCount: run.length,
    });
    for await (const event of events) {
      const id = byRevision.get(event.revision.toString());
      if (id !== undefined) found.set(id, event);
    }
    index = end;
  }
  return found;
}
