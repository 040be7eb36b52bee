import { randomUUID } from 'node:crypto';
import type { EventStore } from '@invitations/event-store';
import type { Event } from '@invitations/kernel';

/** Appends a domain event as recorded at a given instant, by a given actor, in an organisation. */
export async function record(
  store: EventStore,
  streamId: string,
  event: Event,
  at: string,
  organisationId: string | null = 'acme',
  actor: string | null = 'alice',
): Promise<void> {
  await store.append(
    streamId,
    [
      {
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {
          organisationId,
          actor,
          correlationId: `corr-${at}`,
          causationId: null,
          timestamp: at,
          schemaVersion: 1,
        },
      },
    ],
    'any',
  );
}
