import { fold } from '@invitations/kernel';
import { inviteeDecider, inviteeStreamId, type InviteeEvent, type InviteeState } from '@invitations/domain';
import type { EventLogReader, RecordedEvent } from '@invitations/event-store';
import { notFound } from '../tenancy/tenant-streams';
import { recordedBy } from './audit-record';

/** An invitee's recorded changes up to an instant, from its stream in the log (not from the read models). */
export interface InviteePast {
  /** The organisation the invitee belongs to (its first event's). */
  organisationId: string | null;
  /** Every event recorded at or before `asOf` (all of them without one), oldest first. */
  events: RecordedEvent[];
}

/** The invitee's past, or null when its stream holds nothing. */
export async function inviteePast(
  log: Pick<EventLogReader, 'readStream'>,
  inviteeId: string,
  asOf: Date | null,
): Promise<InviteePast | null> {
  const events: RecordedEvent[] = [];
  for await (const event of log.readStream(inviteeStreamId(inviteeId))) events.push(event);
  if (events.length === 0) return null;
  return {
    organisationId: events[0].metadata.organisationId,
    events: events.filter((e) => recordedBy(e, asOf)),
  };
}

/** The same, for an admin: NOT_FOUND unless the invitee is their organisation's. */
export async function inviteePastInOrganisation(
  log: Pick<EventLogReader, 'readStream'>,
  organisationId: string,
  inviteeId: string,
  asOf: Date | null,
): Promise<RecordedEvent[]> {
  const past = await inviteePast(log, inviteeId, asOf);
  if (past === null || past.organisationId !== organisationId) throw notFound('invitee');
  return past.events;
}

/** The invitee's state folded from the given events: as it stood at the last of them. */
export function inviteeStateFrom(events: readonly RecordedEvent[]): InviteeState {
  return fold(
    inviteeDecider,
    events.map((e) => ({ type: e.type, data: e.data }) as InviteeEvent),
  );
}
