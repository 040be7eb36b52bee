import { randomUUID } from 'node:crypto';
import { InMemoryReadModelStores } from '@invitations/runtime';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { eventually } from '@invitations/kernel/testing';
import { BATCH, sendCommand, stageCommand } from '@invitations/domain/testing';
import { onInvitee } from '@invitations/application/testing';
import { RecordingNotifier } from '@invitations/notifications/testing';
import { Projector } from './projector';
import { FakeLeaseStore } from './testing/fake-lease-store';

describe('two projectors on the same stores', () => {
  const store = new InMemoryEventStore();
  const readModels = new InMemoryReadModelStores();
  const leases = new FakeLeaseStore(300);
  /** One mail server for both: each message must reach it once. */
  const notifier = new RecordingNotifier();
  const messages: string[] = [];
  const logger = {
    log: (message: string) => messages.push(message),
    warn: (message: string) => messages.push(message),
    error: (message: string) => messages.push(message),
  };
  // The stores outlive either projector here, as MongoDB and EventStoreDB outlive a projector process.
  const projector = (holder: string) =>
    new Projector(
      { store, readModels, leases, notifier, tokenSecret: Buffer.alloc(32, 7) },
      {
        config: {
          publicBaseUrl: 'https://invitations.example.test',
          expirySweepSeconds: 60,
          invitationTtlDays: 14,
          reminderDaysBeforeExpiry: 3,
          retentionDaysAfterClose: null,
        },
        holder,
        logger,
      },
    );
  const first = projector('first');
  const second = projector('second');
  const state = async (inviteeId: string) =>
    (await readModels.readModels.invitees.byId(BATCH.organisationId, inviteeId))?.state;
  const messagesTo = (inviteeId: string) =>
    notifier.sent.filter((message) => message.inviteeId === inviteeId);

  async function invite(inviteeId: string): Promise<void> {
    await onInvitee(store, inviteeId, stageCommand({ inviteeId }));
    await onInvitee(store, inviteeId, sendCommand());
  }

  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
  });

  it('only the lease holder works; the other stands by, ready', async () => {
    void first.run();
    await eventually(() => first.role === 'active');
    void second.run();
    const x = randomUUID();

    await invite(x);

    await eventually(async () => (await state(x)) === 'INVITED');
    await eventually(() => messagesTo(x).length === 2);
    expect(second.role).toBe('standby');
    expect((await second.readiness()).status).toBe('ok');
    await eventually(async () => (await first.readiness()).status === 'ok');
  });

  it('when the holder can no longer keep its lease, the standby takes over from the checkpoints', async () => {
    leases.partitioned.add('first');
    await eventually(() => second.role === 'active', 5000);
    expect(first.role).toBe('standby');
    const y = randomUUID();

    await invite(y);

    await eventually(async () => (await state(y)) === 'INVITED');
    await eventually(() => messagesTo(y).length === 2);
    const ids = notifier.sent.map((message) => message.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(4);
    expect(messages.some((message) => message.startsWith('lease expired'))).toBe(true);
  });
});
