import type { NewEvent } from '@invitations/event-store';

/**
 * An event a benchmark writes straight into the log its gateway will open, as the admin `bench-admin` of
 * `organisation` would have made it (one correlation for the whole seed, no cause).
 */
export function seededEvent(
  organisation: string,
  id: string,
  type: string,
  data: unknown,
  timestamp: string,
): NewEvent {
  return {
    id,
    type,
    data,
    metadata: {
      organisationId: organisation,
      actor: 'bench-admin',
      correlationId: 'bench-seed',
      causationId: null,
      timestamp,
      schemaVersion: 1,
    },
  };
}
