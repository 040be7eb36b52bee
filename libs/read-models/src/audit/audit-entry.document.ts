import type { Positioned } from '../projection/projection';

/**
 * One entry of an organisation's audit log (`audit`, `_id` = the event's position as `positionKey` writes it): who
 * did what, when, and to which pool, batch and invitee. The event's data is not copied here: it is read from the
 * log when an entry is shown, so the audit holds no personal data of its own and shows what the log shows.
 */
export interface AuditEntryDoc extends Positioned {
  organisationId: string;
  /** The event's type, e.g. InvitationSent. */
  type: string;
  /** When the event was decided (ISO-8601, UTC). */
  at: string;
  /** The admin's `sub`; null for the system or the invitee. */
  actor: string | null;
  /** The admin's display name (the token's `name` claim) when it was recorded with the event. */
  actorName: string | null;
  /** Where the event is in the log: its stream and its revision there (decimal). */
  stream: string;
  revision: string;
  poolId: string | null;
  batchId: string | null;
  inviteeId: string | null;
}

/** The pool and batch an invitee belongs to: what an invitee's later events (a revocation, say) do not repeat. */
export interface InviteeScope {
  poolId: string;
  batchId: string;
}

/**
 * The entry with its invitee's pool and batch filled in where the event named only the invitee, from `scopeOf`
 * (what the adapter knows of the invitee's earlier entries). The same entry when nothing is missing or known.
 */
export function withInviteeScope(
  entry: AuditEntryDoc,
  scopeOf: (inviteeId: string) => InviteeScope | undefined,
): AuditEntryDoc {
  if (entry.inviteeId === null || (entry.poolId !== null && entry.batchId !== null)) return entry;
  const scope = scopeOf(entry.inviteeId);
  if (scope === undefined) return entry;
  return { ...entry, poolId: entry.poolId ?? scope.poolId, batchId: entry.batchId ?? scope.batchId };
}

/** The scope an entry gives its invitee, when it names all three. */
export function scopeGiven(entry: AuditEntryDoc): InviteeScope | undefined {
  return entry.inviteeId !== null && entry.poolId !== null && entry.batchId !== null
    ? { poolId: entry.poolId, batchId: entry.batchId }
    : undefined;
}
