import type { RecordedEvent } from '@invitations/event-store';
import { auditProjection, InMemoryReadModels } from '@invitations/read-models';
import { ALWAYS_HELD } from '../fence';
import { EventBatch } from './event-batch';

const event = (position: bigint, type: string, inviteeId: string): RecordedEvent => ({
  id: `event-${position}`,
  type,
  streamId: `invitee-${inviteeId}`,
  revision: 0n,
  position,
  data: { inviteeId, poolId: 'pool-1', batchId: 'batch-1' },
  metadata: {
    organisationId: 'org-1',
    actor: 'admin-1',
    correlationId: 'c-1',
    causationId: null,
    timestamp: `2026-12-05T10:00:0${position}.000Z`,
    schemaVersion: 1,
  },
});

describe('EventBatch, for an append-only projection (the audit)', () => {
  it('writes each event’s own document without loading any, and keeps one already written as it is', async () => {
    const { audit } = new InMemoryReadModels();
    const load = jest.spyOn(audit, 'load');
    const first = new EventBatch();
    first.add(event(1n, 'InviteeStaged', 'i-1'), [auditProjection]);
    first.add(event(2n, 'InvitationSent', 'i-1'), [auditProjection]);
    await first.apply(() => audit, ALWAYS_HELD);

    // The second event delivered again, with a third: the entry of the second is not written twice.
    const again = new EventBatch();
    again.add(
      {
        ...event(2n, 'InvitationSent', 'i-1'),
        metadata: { ...event(2n, 'X', 'i-1').metadata, actor: 'someone else' },
      },
      [auditProjection],
    );
    again.add(event(3n, 'InvitationRevoked', 'i-1'), [auditProjection]);
    await again.apply(() => audit, ALWAYS_HELD);

    expect(load).not.toHaveBeenCalled();
    const { entries } = await audit.page({ organisationId: 'org-1', inviteeId: 'i-1' }, 10, null);
    expect(entries.map((entry) => [entry.type, entry.actor])).toEqual([
      ['InviteeStaged', 'admin-1'],
      ['InvitationSent', 'admin-1'],
      ['InvitationRevoked', 'admin-1'],
    ]);
  });
});
