import { randomUUID } from 'node:crypto';
import { InMemoryReadModelStores } from '@invitations/runtime';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { eventually } from '@invitations/kernel/testing';
import { CapturingLogger } from '@invitations/kernel/testing';
import { AFTER_EXPIRY, BATCH, BEFORE_EXPIRY, sendCommand, stageCommand } from '@invitations/domain/testing';
import { BackgroundWork, type BackgroundWorkOptions } from './background-work';
import { NOTIFICATIONS_SUBSCRIPTION } from '../notifications/notification-subscription';
import { ManualClock } from '@invitations/kernel/testing';
import { RecordingNotifier } from '@invitations/notifications/testing';
import { ManualFence } from '@invitations/runtime/testing';
import { onInvitee } from '../testing/invitee-commands';

describe('BackgroundWork', () => {
  let store: InMemoryEventStore;
  let readModels: InMemoryReadModelStores;
  let notifier: RecordingNotifier;
  let clock: ManualClock;
  let logger: CapturingLogger;
  let work: BackgroundWork;
  /** Invitation tokens are prefixed with the invitee's id, which must be a UUID. */
  const i1 = randomUUID();

  const open = (options: Partial<BackgroundWorkOptions> = {}) =>
    new BackgroundWork(store, readModels, {
      notifier,
      clock,
      publicBaseUrl: 'https://invitations.example.test',
      tokenSecret: Buffer.alloc(32, 7),
      logger,
      expirySweepMs: null,
      invitationTtlDays: 14,
      reminderDaysBeforeExpiry: 3,
      runner: { retry: { initialDelayMs: 5, maxDelayMs: 20 } },
      ...options,
    });
  const invitee = (id: string) => readModels.readModels.invitees.byId(BATCH.organisationId, id);
  const checkpoint = async (name: string) => (await readModels.checkpoints.load([name])).get(name)!;

  beforeEach(() => {
    store = new InMemoryEventStore();
    readModels = new InMemoryReadModelStores();
    notifier = new RecordingNotifier();
    clock = new ManualClock(new Date(BEFORE_EXPIRY));
    logger = new CapturingLogger();
  });
  afterEach(() => work.stop());

  it('builds the read models, sends the invitation once, and sweeps it when it expires', async () => {
    work = open({ expirySweepMs: 10 });
    await work.start();

    await onInvitee(store, i1, stageCommand({ inviteeId: i1 }));
    const sent = await onInvitee(store, i1, sendCommand());
    await eventually(() => work.projections.position() >= sent);
    expect(await invitee(i1)).toMatchObject({ state: 'INVITED' });
    await eventually(() => notifier.sent.length === 2);
    expect(notifier.sent.map((message) => [message.channel, message.inviteeId])).toEqual([
      ['email', i1],
      ['sms', i1],
    ]);

    clock.set(AFTER_EXPIRY);
    await eventually(async () => (await invitee(i1))?.state === 'EXPIRED');
    // The process manager follows the log on its own loop: the expiry it does not handle, it still passes.
    await eventually(() => work.health().notifications.caughtUp);
    expect(notifier.sent).toHaveLength(2);
  });

  it('once its fence is lost, changes no read model, sends nothing and keeps its checkpoints', async () => {
    const fence = new ManualFence();
    work = open({ fence });
    await work.start();
    const staged = await onInvitee(store, i1, stageCommand({ inviteeId: i1 }));
    await eventually(() => work.projections.position() >= staged);

    fence.held = false;
    const sent = await onInvitee(store, i1, sendCommand());
    await eventually(() => work.projections.health().restarts >= 1);
    const refused = (message: string) =>
      message.startsWith(NOTIFICATIONS_SUBSCRIPTION) && message.includes('no longer holds the lease');
    await eventually(() => logger.errors().some(refused));

    expect(await invitee(i1)).toMatchObject({ state: 'UPLOADED' });
    expect(notifier.sent).toEqual([]);
    expect(await checkpoint('invitees')).toBeLessThan(sent);
    expect(await checkpoint(NOTIFICATIONS_SUBSCRIPTION)).toBeLessThan(sent);
    expect(work.projections.health().lastError).toMatch(/no longer holds the lease/);
  });

  it('does nothing more once stopped', async () => {
    work = open();
    await work.start();
    const staged = await onInvitee(store, i1, stageCommand({ inviteeId: i1 }));
    await eventually(() => work.projections.position() >= staged);

    await work.stop();
    await onInvitee(store, i1, sendCommand());
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await invitee(i1)).toMatchObject({ state: 'UPLOADED' });
    expect(notifier.sent).toEqual([]);
  });
});
