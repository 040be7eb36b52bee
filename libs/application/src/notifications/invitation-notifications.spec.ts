import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import { handleCommand, loadStream, type RecordedEvent } from '@invitations/event-store';
import { ManualClock } from '@invitations/kernel/testing';
import { deriveInvitationToken, hashInvitationToken, readInvitationToken } from '@invitations/notifications';
import { RecordingNotifier } from '@invitations/notifications/testing';
import { acceptInvitation } from '../invitations/accept-invitation';
import { extendInvitations, sendReminders } from '../invitations/bulk/bulk-invitations';
import { sendInvitations } from '../invitations/send-invitations';
import { updateOrganisation } from '../organisations/organisation';
import { createInvitationBatch } from '../batches/create-invitation-batch';
import { createResourcePool } from '../pools/create-resource-pool';
import { adminContext, applicationWorld, type ApplicationWorld } from '../testing/application-world';
import { ADA, aPoolAndBatch, issueTokenFor, staged } from '../testing/scenario';
import { ReminderSweep } from '../reminders/reminder-sweep';
import { InvitationNotifications } from './invitation-notifications';

const SECRET = Buffer.alloc(32, 9);

/** The notification process manager and the reminder sweep, over the in-memory event store, without Nest. */
describe('the messages of the lifecycle', () => {
  let world: ApplicationWorld;
  let notifier: RecordingNotifier;
  let manager: InvitationNotifications;
  let clock: ManualClock;
  let batchId: string;
  let handled = -1n;

  /** Hands every event not yet handled to the process manager, as its subscription would. */
  async function deliver(): Promise<void> {
    const events: RecordedEvent[] = [];
    for await (const event of world.store.readAll({ after: handled })) events.push(event);
    for (const event of events) {
      await manager.handle(event);
      handled = event.position;
    }
  }
  const stateOf = async (id: string) =>
    (await loadStream(world.store, inviteeStreamId(id), inviteeDecider)).state;
  const ofKind = (inviteeId: string, kind: string) =>
    notifier.sent.filter((m) => m.inviteeId === inviteeId && m.kind === kind);

  beforeEach(async () => {
    world = applicationWorld();
    notifier = new RecordingNotifier();
    clock = new ManualClock(new Date('2025-03-02T09:00:00.000Z'));
    manager = new InvitationNotifications(world.store, notifier, {
      publicBaseUrl: 'https://invitations.example.test',
      clock,
      tokenSecret: SECRET,
    });
    handled = -1n;
    ({ batchId } = await aPoolAndBatch(world));
    await updateOrganisation(world, adminContext(), { name: 'Acme' });
  });

  async function invite(person = ADA): Promise<string> {
    const inviteeId = await staged(world, batchId, person);
    await sendInvitations(world, adminContext(), {
      batchId,
      inviteeIds: [inviteeId],
      all: false,
      message: 'Hi',
    });
    await deliver();
    return inviteeId;
  }

  it('sends an invitation naming the organisation, with a token derived from the invitation: only its hash is kept', async () => {
    const inviteeId = await invite();
    const [email, sms] = ofKind(inviteeId, 'invitation');
    expect(email).toMatchObject({ channel: 'email', subject: 'You are invited to join Riggers' });
    expect(email.body).toContain('Acme invites you to join the resource pool "Riggers"');
    expect(sms).toMatchObject({ channel: 'sms', acceptUrl: email.acceptUrl });
    const token = new URL(email.acceptUrl!).searchParams.get('token')!;
    const state = await stateOf(inviteeId);
    if (state.status === 'absent') throw new Error('no invitee');
    expect(token).toBe(deriveInvitationToken(SECRET, inviteeId, state.invitation!.invitationId).token);
    expect(state.invitation!.tokenHash).toBe(hashInvitationToken(token));
    expect(readInvitationToken(token)?.inviteeId).toBe(inviteeId);
    const log: string[] = [];
    for await (const event of world.store.readAll()) log.push(JSON.stringify(event.data));
    expect(log.join()).not.toContain(token);

    await deliver();
    handled = -1n;
    await deliver(); // every event again, as after a crash before the checkpoint: nothing twice
    expect(ofKind(inviteeId, 'invitation')).toHaveLength(2);
  });

  it('the reminder sweep reminds once when due, with the same link; the manager sends it once', async () => {
    const inviteeId = await invite();
    const invitation = ofKind(inviteeId, 'invitation')[0];
    const sweep = new ReminderSweep(world.store, world.invitees, clock, { logger: { error: () => {} } });
    expect(await sweep.sweep()).toBe(0);
    clock.set('2025-03-13T09:00:00.000Z'); // three days before expiry
    expect(await sweep.sweep()).toBe(1);
    expect(await sweep.sweep()).toBe(0);
    await deliver();
    const [reminder] = ofKind(inviteeId, 'reminder');
    expect(reminder).toMatchObject({ channel: 'email', acceptUrl: invitation.acceptUrl });
    expect(reminder.subject).toBe('Reminder: your invitation to join Riggers expires on 2025-03-16');
    handled = -1n;
    await deliver();
    expect(ofKind(inviteeId, 'reminder')).toHaveLength(2); // email and text, once each
  });

  it('an extension sends the same link again with the new expiry', async () => {
    const inviteeId = await invite();
    await extendInvitations(world, adminContext(), { batchId, inviteeIds: [inviteeId], days: 7 });
    await deliver();
    const [first, again] = ofKind(inviteeId, 'invitation').filter((m) => m.channel === 'email');
    expect(again.acceptUrl).toBe(first.acceptUrl);
    expect(again.body).toContain('extended to 2025-03-23');
  });

  it('an invitation from before derived tokens is reminded with the derived link, which replaces the old one', async () => {
    const inviteeId = await staged(world, batchId);
    await sendInvitations(world, adminContext(), {
      batchId,
      inviteeIds: [inviteeId],
      all: false,
      message: null,
    });
    const old = await issueTokenFor(world, inviteeId); // random, as tokens were issued before
    handled = await world.store.headPosition();
    await sendReminders(world, adminContext(), { batchId, inviteeIds: [inviteeId] });
    await deliver();
    const [reminder] = ofKind(inviteeId, 'reminder');
    const token = new URL(reminder.acceptUrl!).searchParams.get('token')!;
    expect(token).not.toBe(old);
    const now = adminContext({ now: new Date('2025-03-03T09:00:00.000Z') });
    await expect(acceptInvitation(world, now, old)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(acceptInvitation(world, now, token)).resolves.toMatchObject({ inviteeId });
  });

  it('tells a person accepted at once that they were added, with no link', async () => {
    const inviteeId = await invite();
    const token = new URL(ofKind(inviteeId, 'invitation')[0].acceptUrl!).searchParams.get('token')!;
    await acceptInvitation(world, adminContext({ now: new Date('2025-03-03T09:00:00.000Z') }), token);
    const { poolId: other } = await createResourcePool(world, adminContext(), 'Crane crew');
    const { batchId: otherBatch } = await createInvitationBatch(world, adminContext(), other, 'April');
    const again = await staged(world, otherBatch);
    const sent = await sendInvitations(world, adminContext(), {
      batchId: otherBatch,
      inviteeIds: [again],
      all: false,
      message: null,
    });
    expect(sent.autoAccepted).toEqual([again]);
    await deliver();
    const added = ofKind(again, 'added-to-pool');
    expect(added.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(added[0]).toMatchObject({ subject: 'You have been added to Crane crew' });
    expect(added[0]).not.toHaveProperty('acceptUrl');
    expect(added[0].body).toContain('Acme has added you');
    expect(ofKind(again, 'invitation')).toEqual([]);
  });

  it('sends nothing for an invitation revoked before the manager got to it', async () => {
    const inviteeId = await staged(world, batchId);
    await sendInvitations(world, adminContext(), {
      batchId,
      inviteeIds: [inviteeId],
      all: false,
      message: null,
    });
    await handleCommand(
      world.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'RevokeInvitation' as const, now: '2025-03-02T10:00:00.000Z' }),
      adminContext(),
    );
    await deliver();
    expect(notifier.sent).toEqual([]);
  });
});
