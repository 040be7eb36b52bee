import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import type { InviteeEvent } from '@invitations/domain';
import type { InviteeState } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import { fold } from '@invitations/kernel';
import { EVENT_STORE } from '../infrastructure/tokens';
import { notFound } from '../application/scope';

export interface AuditEntry {
  type: string;
  at: string;
  actor: string | null;
  position: string;
  data: string;
}

/** Fields never shown in history, whoever asks: a token's hash is a secret's fingerprint. */
const REDACTED_FIELDS = new Set(['tokenHash']);

/**
 * History and "as of" straight from the invitee's stream in the log (not from the read models): every recorded
 * change, and the invitee's state rebuilt by folding the events up to an instant.
 */
@Injectable()
export class InviteeHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The invitee's events up to `asOf` (all when omitted); NOT_FOUND for another organisation's invitee. */
  async events(organisationId: string, inviteeId: string, asOf?: Date | null): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(inviteeStreamId(inviteeId))) events.push(event);
    if (events.length === 0 || events[0].metadata.organisationId !== organisationId)
      throw notFound('invitee');
    return asOf ? events.filter((e) => Date.parse(e.metadata.timestamp) <= asOf.getTime()) : events;
  }

  async entries(organisationId: string, inviteeId: string, asOf?: Date | null): Promise<AuditEntry[]> {
    return (await this.events(organisationId, inviteeId, asOf)).map(toAuditEntry);
  }

  /** The state as it stood at `asOf`; null when the invitee did not exist yet. */
  async stateAsOf(organisationId: string, inviteeId: string, asOf: Date): Promise<InviteeState | null> {
    const events = await this.events(organisationId, inviteeId, asOf);
    const state = fold(
      inviteeDecider,
      events.map((e) => ({ type: e.type, data: e.data }) as InviteeEvent),
    );
    return state.status === 'absent' ? null : state;
  }
}

export function toAuditEntry(event: RecordedEvent): AuditEntry {
  return {
    type: event.type,
    at: event.metadata.timestamp,
    actor: event.metadata.actor,
    position: event.position.toString(),
    data: JSON.stringify(event.data, (key, value: unknown) =>
      REDACTED_FIELDS.has(key) ? '[redacted]' : value,
    ),
  };
}
