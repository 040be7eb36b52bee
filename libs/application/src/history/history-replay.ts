import type { RecordedEvent } from '@invitations/event-store';
import type { EventLogReader } from '@invitations/event-store';
import type { BatchCreated } from '@invitations/domain';
import { inviteeDecider } from '@invitations/domain';
import type { InviteeEvent } from '@invitations/domain';
import type { InviteeState } from '@invitations/domain';
import { batchStreamId } from '@invitations/domain';
import { inviteePast, inviteeStateFrom } from './invitee-history';
import { auditRecord, recordedBy, type AuditRecord } from './audit-record';
import { inviteeView, type InviteeView } from '@invitations/domain';
import { DEFAULT_PAGE_SIZE, logInPages } from './log-pages';

/** Nothing in the log under that id. */
export class NotInLogError extends Error {
  override readonly name = 'NotInLogError';
}

export interface InviteeReplay {
  inviteeId: string;
  organisationId: string | null;
  /** The instant replayed to; null for now. */
  asOf: string | null;
  /** Every recorded change up to asOf, oldest first. */
  events: AuditRecord[];
  /** The invitee as it stood at asOf; null when it was not staged yet. */
  state: InviteeView | null;
}

export interface BatchReplay {
  batchId: string;
  organisationId: string | null;
  poolId: string | null;
  /** Null when the batch did not exist yet at asOf. */
  name: string | null;
  asOf: string | null;
  /** The batch's events and all its invitees' events up to asOf, in log order. */
  events: AuditRecord[];
  /** Each invitee staged by asOf, as it stood then, in the order they were staged. */
  invitees: InviteeView[];
}

/**
 * An invitee's history from its stream, and its state folded from the events up to an instant: the same rule as
 * the API's `invitationHistory` and `inviteeAsOf` (an event belongs to the past of `asOf` when recorded at or
 * before it).
 */
export async function replayInvitee(
  log: Pick<EventLogReader, 'readStream'>,
  inviteeId: string,
  asOf: Date | null,
): Promise<InviteeReplay> {
  const past = await inviteePast(log, inviteeId, asOf);
  if (past === null) throw new NotInLogError(`no invitee ${inviteeId} in the log`);
  return {
    inviteeId,
    organisationId: past.organisationId,
    asOf: asOf?.toISOString() ?? null,
    events: past.events.map(auditRecord),
    state: inviteeView(inviteeStateFrom(past.events)),
  };
}

/**
 * A batch's history: its own events and those of every invitee staged into it, in log order, with each invitee
 * as it stood at the instant. An invitee's stream says which batch it is in only in its first event, so the
 * global log is scanned (in pages) once, from the start.
 */
export async function replayBatch(
  log: Pick<EventLogReader, 'readAll'>,
  batchId: string,
  asOf: Date | null,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<BatchReplay> {
  const batchStream = batchStreamId(batchId);
  const invitees = new Map<string, InviteeState>();
  const replay: BatchReplay = {
    batchId,
    organisationId: null,
    poolId: null,
    name: null,
    asOf: asOf?.toISOString() ?? null,
    events: [],
    invitees: [],
  };
  let found = false;
  for await (const event of logInPages(log, pageSize)) {
    if (event.streamId === batchStream) found = true;
    else if (isStagedInto(event, batchId)) invitees.set(event.streamId, inviteeDecider.initialState());
    else if (!invitees.has(event.streamId)) continue;
    if (!recordedBy(event, asOf)) continue;
    replay.events.push(auditRecord(event));
    if (event.streamId === batchStream)
      describeBatch(replay, event as RecordedEvent<'BatchCreated', BatchCreated['data']>);
    else invitees.set(event.streamId, evolve(invitees.get(event.streamId)!, event));
  }
  if (!found) throw new NotInLogError(`no batch ${batchId} in the log`);
  replay.invitees = [...invitees.values()].map(inviteeView).filter((view) => view !== null);
  return replay;
}

function isStagedInto(event: RecordedEvent, batchId: string): boolean {
  return event.type === 'InviteeStaged' && (event.data as { batchId?: unknown }).batchId === batchId;
}

function describeBatch(
  replay: BatchReplay,
  event: RecordedEvent<'BatchCreated', BatchCreated['data']>,
): void {
  if (event.type !== 'BatchCreated') return;
  replay.organisationId = event.data.organisationId;
  replay.poolId = event.data.poolId;
  replay.name = event.data.name;
}

function evolve(state: InviteeState, event: RecordedEvent): InviteeState {
  return inviteeDecider.evolve(state, { type: event.type, data: event.data } as InviteeEvent);
}
