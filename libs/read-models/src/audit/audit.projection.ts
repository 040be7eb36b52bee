import type { RecordedEvent } from '@invitations/event-store';
import { PERSONAL_DATA_RULES } from '@invitations/domain';
import { positionKey, type Projection } from '../projection/projection';
import type { AuditEntryDoc } from './audit-entry.document';

/** Every event type, now and to come: the audit is of every recorded change, whatever it is. */
class EveryType extends Set<string> {
  override has(): boolean {
    return true;
  }
}

function idOf(data: Record<string, unknown>, field: string): string | null {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

const NO_IDS: Record<string, unknown> = {};

/**
 * Whether an event's data may name a pool, a batch or an invitee. A large one does not (an upload's rows, a
 * thousand to a chunk, under the upload's own key, as the domain's personal-data rules say): its data is opened
 * only when read, and reading it for the audit would decrypt and parse every row.
 */
function namesIds(type: string): boolean {
  return PERSONAL_DATA_RULES[type]?.large !== true;
}

/**
 * An event of an organisation is one entry, written once (a document already there is that event's). Events of
 * no organisation (passports, which every organisation shares) are no organisation's audit.
 */
function evolve(doc: AuditEntryDoc | null, event: RecordedEvent): AuditEntryDoc | null {
  if (doc !== null) return doc;
  const { organisationId, actor, actorName, timestamp } = event.metadata;
  if (!organisationId) return null;
  const data = namesIds(event.type) ? ((event.data ?? {}) as Record<string, unknown>) : NO_IDS;
  const key = positionKey(event.position);
  return {
    _id: key,
    organisationId,
    type: event.type,
    at: timestamp,
    actor,
    actorName: actorName ?? null,
    stream: event.streamId,
    revision: event.revision.toString(),
    poolId: idOf(data, 'poolId'),
    batchId: idOf(data, 'batchId'),
    inviteeId: idOf(data, 'inviteeId'),
    _pos: key,
  };
}

/** `audit`: the organisation's audit log, one entry per event, in log order. */
export const auditProjection: Projection<AuditEntryDoc> = {
  name: 'audit',
  handles: new EveryType(),
  documentIds: (event) => [positionKey(event.position)],
  evolve,
  appendOnly: true,
};
