import type { RecordedEvent } from '@invitations/event-store';

/**
 * Events as the store would record them, for the projections' given/when/then tests: each `record`
 * gets the next position (from 100, stepping by 10, so no test relies on dense positions) and the
 * next revision of its stream.
 */
export class RecordedStory {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, bigint>();

  record(streamId: string, organisationId: string | null, type: string, data: object): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1n) + 1n;
    this.revisions.set(streamId, revision);
    const index = this.events.length;
    const event: RecordedEvent = {
      id: `event-${index}`,
      type,
      data,
      metadata: {
        organisationId,
        actor: organisationId && 'admin-1',
        correlationId: `correlation-${index}`,
        causationId: null,
        timestamp: new Date(Date.UTC(2025, 2, 1, 9, index)).toISOString(),
        schemaVersion: 1,
      },
      streamId,
      revision,
      position: 100n + BigInt(index) * 10n,
    };
    this.events.push(event);
    return event;
  }
}
