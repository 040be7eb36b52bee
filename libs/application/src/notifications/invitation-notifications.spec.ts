import { randomUUID } from 'node:crypto';
import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import { resendCommand, sendCommand, stageCommand } from '@invitations/domain/testing';
import { handleCommand, loadStream, type RecordedEvent } from '@invitations/event-store';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { deriveId } from '@invitations/kernel';
import { ManualClock } from '@invitations/kernel/testing';
import {
  deriveInvitationToken,
  hashInvitationToken,
  readInvitationToken,
  type Handover,
  type Notifier,
} from '@invitations/notifications';
import { RecordingNotifier } from '@invitations/notifications/testing';
import { acceptInvitation } from '../invitations/accept-invitation';
import { extendInvitations, sendReminders } from '../invitations/bulk/bulk-invitations';
import { updateOrganisation } from '../organisations/organisation';
import {
  adminContext,
  applicationWorld,
  TOKEN_SECRET,
  typesIn,
  type ApplicationWorld,
} from '../testing/application-world';
import { onInvitee } from '../testing/invitee-commands';
import {
  ADA,
  aPoolAndBatch,
  issueRandomTokenFor,
  memberInvitedToAnotherPool,
  sendTo,
  staged,
} from '../testing/scenario';
import { ReminderSweep } from '../reminders/reminder-sweep';
import { InvitationNotifications } from './invitation-notifications';

/** The secret tokens derive from: the same for the manager as for whoever sends the invitations. */
const SECRET = TOKEN_SECRET;

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

  const managerWith = (tokenSecret: Uint8Array) =>
    new InvitationNotifications(world.store, notifier, {
      publicBaseUrl: 'https://invitations.example.test',
      clock,
      tokenSecret,
    });

  beforeEach(async () => {
    world = applicationWorld();
    notifier = new RecordingNotifier();
    clock = new ManualClock(new Date('2025-03-02T09:00:00.000Z'));
    manager = managerWith(SECRET);
    handled = -1n;
    ({ batchId } = await aPoolAndBatch(world));
    await updateOrganisation(world, adminContext(), { name: 'Acme' });
  });

  async function invite(person = ADA): Promise<string> {
    const inviteeId = await staged(world, batchId, person);
    await sendTo(world, batchId, [inviteeId], 'Hi');
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
    // The invitation was sent with its token's hash: the manager had nothing to record in the invitee's stream.
    expect(await typesIn(world.store, inviteeStreamId(inviteeId))).toEqual([
      'InviteeStaged',
      'InvitationSent',
    ]);
    const log: string[] = [];
    for await (const event of world.store.readAll()) log.push(JSON.stringify(event.data));
    expect(log.join()).not.toContain(token);

    await deliver();
    handled = -1n;
    await deliver(); // every event again, as after a crash before the checkpoint: nothing twice
    expect(ofKind(inviteeId, 'invitation')).toHaveLength(2);
  });

  it('records its own token when its secret is not the one the invitation was sent with: the link it sends works', async () => {
    manager = managerWith(Buffer.alloc(32, 9));
    const inviteeId = await invite();
    expect(await typesIn(world.store, inviteeStreamId(inviteeId))).toEqual([
      'InviteeStaged',
      'InvitationSent',
      'InvitationTokenIssued',
    ]);
    const [email] = ofKind(inviteeId, 'invitation');
    const token = new URL(email.acceptUrl!).searchParams.get('token')!;
    const now = adminContext({ now: new Date('2025-03-03T09:00:00.000Z') });
    await expect(acceptInvitation(world, now, token)).resolves.toMatchObject({ inviteeId });
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
    await sendTo(world, batchId, [inviteeId]);
    const old = await issueRandomTokenFor(world, inviteeId); // random, as tokens were issued before
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
    const { inviteeId: again, sent } = await memberInvitedToAnotherPool(world, token, 'Crane crew');
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
    await sendTo(world, batchId, [inviteeId]);
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

  it('records every message of the lifecycle in its own stream, with its kind and a delivery status', async () => {
    const inviteeId = await invite();
    await extendInvitations(world, adminContext(), { batchId, inviteeIds: [inviteeId], days: 7 });
    await sendReminders(world, adminContext(), { batchId, inviteeIds: [inviteeId] });
    await deliver();
    const token = new URL(ofKind(inviteeId, 'invitation')[0].acceptUrl!).searchParams.get('token')!;
    await memberInvitedToAnotherPool(world, token, 'Crane crew');
    await deliver();

    const queued = new Map<string, { kind: string; channel: string; inviteeId: string }>();
    for await (const event of world.store.readAll()) {
      if (event.type !== 'MessageQueued') continue;
      expect(event.streamId).toBe(`message-${(event.data as { messageId: string }).messageId}`);
      queued.set((event.data as { messageId: string }).messageId, event.data as never);
    }
    expect(notifier.sent.length).toBeGreaterThan(0);
    for (const message of notifier.sent) {
      const KINDS = { invitation: 'INVITATION', reminder: 'REMINDER', 'added-to-pool': 'ADDED_TO_POOL' };
      expect(queued.get(message.id)).toMatchObject({
        kind: KINDS[message.kind],
        channel: message.channel.toUpperCase(),
        inviteeId: message.inviteeId,
      });
    }
    const kinds = new Set([...queued.values()].map((message) => message.kind));
    expect(kinds).toEqual(new Set(['INVITATION', 'REMINDER', 'ADDED_TO_POOL']));
    expect(queued.size).toBe(notifier.sent.length);
  });
});

const SENT_AT = '2025-03-02T09:00:05.000Z';
const ACCEPTED: Handover = { status: 'SENT', providerReference: 'ref-1', reason: null };

describe('InvitationNotifications: every message recorded with its delivery status', () => {
  let store: InMemoryEventStore;
  let clock: ManualClock;
  const inviteeId = randomUUID();

  beforeEach(() => {
    store = new InMemoryEventStore();
    clock = new ManualClock(new Date(SENT_AT));
  });

  const managerOver = (notifier: Notifier) =>
    new InvitationNotifications(store, notifier, {
      publicBaseUrl: 'https://x.test',
      clock,
      tokenSecret: SECRET,
    });

  async function invitationSent(): Promise<RecordedEvent> {
    await onInvitee(store, inviteeId, stageCommand({ inviteeId }));
    await onInvitee(store, inviteeId, sendCommand());
    return (await events()).find((event) => event.type === 'InvitationSent')!;
  }
  const events = async () => {
    const all: RecordedEvent[] = [];
    for await (const event of store.readAll()) all.push(event);
    return all;
  };
  const messageStreams = async () => {
    const streams = new Map<string, { type: string; data: unknown }[]>();
    for (const event of await events()) {
      if (!event.streamId.startsWith('message-')) continue;
      const stream = streams.get(event.streamId) ?? [];
      stream.push({ type: event.type, data: event.data });
      streams.set(event.streamId, stream);
    }
    return streams;
  };

  it('records each message QUEUED, by the outbox line’s id, naming invitee, invitation, channel and kind', async () => {
    const notifier = new RecordingNotifier();
    const event = await invitationSent();
    await managerOver(notifier).handle(event);

    const [email, sms] = notifier.sent;
    expect([email.kind, sms.kind]).toEqual(['invitation', 'invitation']);
    const streams = await messageStreams();
    expect([...streams.keys()].sort()).toEqual([`message-${email.id}`, `message-${sms.id}`].sort());
    expect(streams.get(`message-${sms.id}`)).toEqual([
      {
        type: 'MessageQueued',
        data: {
          messageId: sms.id,
          inviteeId,
          invitationId: 'invitation-0001',
          channel: 'SMS',
          kind: 'INVITATION',
          queuedAt: SENT_AT,
        },
      },
    ]);
    // No personal data in a message's stream: neither the address nor the number.
    expect(JSON.stringify([...streams.values()])).not.toMatch(/ada\.lovelace|\+61412345678/);
    const queued = (await events()).filter((e) => e.type === 'MessageQueued');
    expect(queued.every((e) => e.metadata.organisationId === event.metadata.organisationId)).toBe(true);
  });

  it('records a message the provider accepted as SENT, once, and sends it once however often the event comes', async () => {
    const notifier = new RecordingNotifier(() => ACCEPTED);
    const event = await invitationSent();
    const manager = managerOver(notifier);
    await manager.handle(event);
    await manager.handle(event);

    expect(notifier.sent).toHaveLength(2);
    for (const stream of (await messageStreams()).values())
      expect(stream.map((e) => e.type)).toEqual(['MessageQueued', 'MessageSent']);
    const sent = (await events()).find((e) => e.type === 'MessageSent')!;
    expect(sent.data).toMatchObject({ sentAt: SENT_AT, providerReference: 'ref-1', receiptId: null });
  });

  it('after a crash between the provider’s acceptance and its record, records it on redelivery without sending again', async () => {
    const notifier = new RecordingNotifier(() => ACCEPTED);
    const crashing = Object.create(notifier) as RecordingNotifier;
    crashing.handoverOf = () => Promise.reject(new Error('killed'));
    const event = await invitationSent();
    await expect(managerOver(crashing).handle(event)).rejects.toThrow('killed');
    expect((await events()).some((e) => e.type === 'MessageSent')).toBe(false);

    await managerOver(notifier).handle(event);
    await managerOver(notifier).handle(event);

    expect(notifier.sent).toHaveLength(2);
    expect((await events()).filter((e) => e.type === 'MessageSent')).toHaveLength(2);
    for (const stream of (await messageStreams()).values())
      expect(stream.map((e) => e.type)).toEqual(['MessageQueued', 'MessageSent']);
  });

  it('records a message the provider refused for good as FAILED, with its reason', async () => {
    const notifier = new RecordingNotifier((message) =>
      message.channel === 'sms'
        ? {
            status: 'FAILED',
            providerReference: null,
            reason: "Twilio error 21211: Invalid 'To' Phone Number",
          }
        : { status: 'QUEUED', providerReference: null, reason: null },
    );
    const event = await invitationSent();
    await managerOver(notifier).handle(event);

    const sms = notifier.sent.find((message) => message.channel === 'sms')!;
    expect((await messageStreams()).get(`message-${sms.id}`)?.map((e) => e.type)).toEqual([
      'MessageQueued',
      'MessageFailed',
    ]);
    expect((await events()).find((e) => e.type === 'MessageFailed')?.data).toEqual({
      messageId: sms.id,
      inviteeId,
      at: SENT_AT,
      reason: "Twilio error 21211: Invalid 'To' Phone Number",
      receiptId: `handover:${sms.id}`,
    });
  });

  it('queues nothing for an invitation revoked before its messages went out', async () => {
    const notifier = new RecordingNotifier();
    const event = await invitationSent();
    await onInvitee(store, inviteeId, { type: 'RevokeInvitation', now: SENT_AT });
    await managerOver(notifier).handle(event);

    expect(notifier.sent).toEqual([]);
    expect((await messageStreams()).size).toBe(0);
  });
});

describe('InvitationNotifications: many events handled together', () => {
  let store: InMemoryEventStore;
  const clock = new ManualClock(new Date(SENT_AT));
  const manager = (notifier: Notifier) =>
    new InvitationNotifications(store, notifier, {
      publicBaseUrl: 'https://x.test',
      clock,
      tokenSecret: SECRET,
    });
  const events = async () => {
    const all: RecordedEvent[] = [];
    for await (const event of store.readAll()) all.push(event);
    return all;
  };

  /** `count` people invited, and the log's InvitationSent events. */
  async function invitations(count: number): Promise<RecordedEvent[]> {
    for (let n = 0; n < count; n += 1) {
      const inviteeId = randomUUID();
      await onInvitee(store, inviteeId, stageCommand({ inviteeId }));
      await onInvitee(store, inviteeId, sendCommand());
    }
    return (await events()).filter((event) => event.type === 'InvitationSent');
  }

  /** A notifier whose `send` gives the provider only the first `kept` messages of the call, then fails. */
  function cutAfter(notifier: RecordingNotifier, kept: number): Notifier {
    const cut = Object.create(notifier) as RecordingNotifier;
    cut.send = async (messages) => {
      await notifier.send(messages.slice(0, kept));
      throw new Error('killed in the middle of the write');
    };
    return cut;
  }

  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  it('sends the messages of a whole batch in one call to the notifier, each queued in its stream once', async () => {
    const notifier = new RecordingNotifier();
    const calls: number[] = [];
    const counting = Object.create(notifier) as RecordingNotifier;
    counting.send = (messages) => {
      calls.push(messages.length);
      return notifier.send(messages);
    };
    const sent = await invitations(6);
    const unrelated = (await events()).filter((event) => event.type === 'InviteeStaged');
    await manager(counting).handleBatch([...unrelated, ...sent]);

    expect(calls).toEqual([12]);
    expect(new Set(notifier.sent.map((message) => message.id)).size).toBe(12);
    expect(new Set(notifier.sent.map((message) => message.inviteeId)).size).toBe(6);
    const queued = (await events()).filter((event) => event.type === 'MessageQueued');
    expect(queued.map((event) => event.streamId).sort()).toEqual(
      notifier.sent.map((message) => `message-${message.id}`).sort(),
    );
  });

  it('after a crash in the middle of a batch’s write, sends only the messages that had not gone, once', async () => {
    const notifier = new RecordingNotifier();
    const sent = await invitations(4);
    // Killed after the first three lines of eight: an event's email went, its text message did not.
    await expect(manager(cutAfter(notifier, 3)).handleBatch(sent)).rejects.toThrow('killed');
    expect(notifier.sent).toHaveLength(3);

    await manager(notifier).handleBatch(sent);
    await manager(notifier).handleBatch(sent);

    expect(notifier.sent).toHaveLength(8);
    expect(new Set(notifier.sent.map((message) => message.id)).size).toBe(8);
    for (const event of sent) {
      const { inviteeId } = event.data as { inviteeId: string };
      const channels = notifier.sent.filter((m) => m.inviteeId === inviteeId).map((m) => m.channel);
      expect(channels.sort()).toEqual(['email', 'sms']);
    }
    const queued = (await events()).filter((event) => event.type === 'MessageQueued');
    expect(queued).toHaveLength(8);
  });

  it('handles one invitee’s events in the log’s order: a superseded invitation sends nothing', async () => {
    const notifier = new RecordingNotifier();
    const [first] = await invitations(1);
    const { inviteeId } = first.data as { inviteeId: string };
    await onInvitee(store, inviteeId, resendCommand());
    const [resent] = (await events()).filter((event) => event.type === 'InvitationResent');
    await manager(notifier).handleBatch([first, resent]);
    const ids = (event: RecordedEvent) =>
      ['email', 'sms'].map((channel) => deriveId(event.id, 'message', channel));
    expect(notifier.sent.map((message) => message.id)).toEqual(ids(resent));
  });
});
