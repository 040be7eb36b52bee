import type { EventStore } from '@invitations/event-store';

/** Appends `count` new pools (ids distinct from the generator's), one append each; resolves to the last position. */
export async function appendPools(store: EventStore, count: number, prefix = 'extra'): Promise<bigint> {
  let position = -1n;
  for (let index = 0; index < count; index += 1) {
    const poolId = `${prefix}-pool-${index}`;
    const event = {
      id: `${prefix}-event-${index}`,
      type: 'ResourcePoolCreated',
      data: {
        poolId,
        organisationId: 'org-extra',
        name: `Pool ${index}`,
        createdAt: '2025-06-01T00:00:00.000Z',
      },
      metadata: {
        organisationId: 'org-extra',
        actor: 'admin-1',
        correlationId: `${prefix}-correlation-${index}`,
        causationId: null,
        timestamp: '2025-06-01T00:00:00.000Z',
        schemaVersion: 1,
      },
    };
    ({ position } = await store.append(`pool-${poolId}`, [event], 'no_stream'));
  }
  return position;
}
