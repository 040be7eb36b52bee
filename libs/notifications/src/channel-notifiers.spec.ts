import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelNotifiers } from './channel-notifiers';
import { OutboxNotifier } from './outbox/outbox-notifier';
import { invitationMessagesOf as messagesOf } from './testing/invitation-messages';
import { RecordingNotifier } from './testing/recording-notifier';

describe('ChannelNotifiers', () => {
  it('hands each message to its channel’s notifier, the text messages first', async () => {
    const order: string[] = [];
    const email = new RecordingNotifier(() => ({ status: 'SENT', providerReference: '<m@x>', reason: null }));
    const sms = new RecordingNotifier();
    const emailSend = email.send.bind(email);
    email.send = (messages) => (order.push('email'), emailSend(messages));
    const smsSend = sms.send.bind(sms);
    sms.send = (messages) => (order.push('sms'), smsSend(messages));
    const notifier = new ChannelNotifiers(email, sms);

    await notifier.send(messagesOf('evt-1'));

    expect(order).toEqual(['sms', 'email']);
    expect(email.sent.map((m) => m.id)).toEqual(['evt-1-email']);
    expect(sms.sent.map((m) => m.id)).toEqual(['evt-1-sms']);
    expect(await notifier.wasSent('evt-1-sms')).toBe(true);
    expect(await notifier.handoverOf('evt-1-email')).toMatchObject({ status: 'SENT' });
    expect(await notifier.handoverOf('evt-1-sms')).toMatchObject({ status: 'QUEUED' });
    expect(await notifier.handoverOf('evt-2-sms')).toBeNull();
  });

  it('sends nothing by email when the text message cannot go, so the event is tried again whole', async () => {
    const email = new RecordingNotifier();
    const sms = new RecordingNotifier();
    sms.failNext = new Error('gateway down');
    const notifier = new ChannelNotifiers(email, sms);

    await expect(notifier.send(messagesOf('evt-1'))).rejects.toThrow('gateway down');
    expect(await notifier.wasSent('evt-1-email')).toBe(false);
  });

  it('closes each notifier once, the outbox included when it serves one channel', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'channels-'));
    try {
      const outbox = await OutboxNotifier.open(dir);
      const email = new RecordingNotifier();
      let closed = 0;
      email.close = async () => void (closed += 1);
      const notifier = new ChannelNotifiers(email, outbox);
      await notifier.send(messagesOf('evt-1'));
      await notifier.close();

      expect(closed).toBe(1);
      const lines = (await readFile(outbox.path, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toEqual([messagesOf('evt-1')[1]]);
      await expect(outbox.send(messagesOf('evt-2').slice(1))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
