import { randomUUID } from 'node:crypto';
import { sendCommand, stageCommand } from '@invitations/domain/testing';
import type { RecordedEvent } from '@invitations/event-store';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { ManualClock } from '@invitations/kernel/testing';
import type { Handover } from '@invitations/notifications';
import { RecordingNotifier } from '@invitations/notifications/testing';
import { onInvitee } from '../testing/invitee-commands';
import { InvitationNotifications } from './invitation-notifications';

const NOW = '2025-03-02T09:00:05.000Z';
const SENT: Handover = { status: 'SENT', providerReference: 'ref-1', reason: null };

describe('InvitationNotifications: every message recorded with its delivery status', () => {
  let store: InMemoryEventStore;
  let clock: ManualClock;
  const inviteeId = randomUUID();

  beforeEach(() => {
    store = new InMemoryEventStore();
    clock = new ManualClock(new Date(NOW));
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
    await new InvitationNotifications(store, notifier, { publicBaseUrl: 'https://x.test', clock }).handle(
      event,
    );

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
          queuedAt: NOW,
        },
      },
    ]);
    // No personal data in a message's stream: neither the address nor the number.
    expect(JSON.stringify([...streams.values()])).not.toMatch(/ada\.lovelace|\+61412345678/);
    const queued = (await events()).filter((e) => e.type === 'MessageQueued');
    expect(queued.every((e) => e.metadata.organisationId === event.metadata.organisationId)).toBe(true);
  });

  it('records a message the provider accepted as SENT, once, and sends it once however often the event comes', async () => {
    const notifier = new RecordingNotifier(() => SENT);
    const event = await invitationSent();
    const manager = new InvitationNotifications(store, notifier, { publicBaseUrl: 'https://x.test', clock });
    await manager.handle(event);
    await manager.handle(event);

    expect(notifier.sent).toHaveLength(2);
    for (const stream of (await messageStreams()).values())
      expect(stream.map((e) => e.type)).toEqual(['MessageQueued', 'MessageSent']);
    const sent = (await events()).find((e) => e.type === 'MessageSent')!;
    expect(sent.data).toMatchObject({ sentAt: NOW, providerReference: 'ref-1', receiptId: null });
  });

  it('after a crash between the provider’s acceptance and its record, records it on redelivery without sending again', async () => {
    const notifier = new RecordingNotifier(() => SENT);
    const crashing = Object.create(notifier) as RecordingNotifier;
    crashing.handoverOf = () => Promise.reject(new Error('killed'));
    const event = await invitationSent();
    await expect(
      new InvitationNotifications(store, crashing, { publicBaseUrl: 'https://x.test', clock }).handle(event),
    ).rejects.toThrow('killed');
    expect((await events()).some((e) => e.type === 'MessageSent')).toBe(false);

    await new InvitationNotifications(store, notifier, { publicBaseUrl: 'https://x.test', clock }).handle(
      event,
    );
    await new InvitationNotifications(store, notifier, { publicBaseUrl: 'https://x.test', clock }).handle(
      event,
    );

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
    await new InvitationNotifications(store, notifier, { publicBaseUrl: 'https://x.test', clock }).handle(
      event,
    );

    const sms = notifier.sent.find((message) => message.channel === 'sms')!;
    expect((await messageStreams()).get(`message-${sms.id}`)?.map((e) => e.type)).toEqual([
      'MessageQueued',
      'MessageFailed',
    ]);
    expect((await events()).find((e) => e.type === 'MessageFailed')?.data).toEqual({
      messageId: sms.id,
      inviteeId,
      at: NOW,
      reason: "Twilio error 21211: Invalid 'To' Phone Number",
      receiptId: `handover:${sms.id}`,
    });
  });

  it('queues nothing for an invitation revoked before its messages went out', async () => {
    const notifier = new RecordingNotifier();
    const event = await invitationSent();
    await onInvitee(store, inviteeId, { type: 'RevokeInvitation', now: NOW });
    await new InvitationNotifications(store, notifier, { publicBaseUrl: 'https://x.test', clock }).handle(
      event,
    );

    expect(notifier.sent).toEqual([]);
    expect((await messageStreams()).size).toBe(0);
  });
});
