import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eachTempDirectory } from '@invitations/event-store/testing';
import type { OutgoingMessage } from '../notifier.port';
import { OutboxNotifier } from './outbox-notifier';

const message = (id: string, channel: 'email' | 'sms' = 'email'): OutgoingMessage => ({
  id,
  kind: 'invitation',
  channel,
  to: channel === 'email' ? 'person@example.com' : '+61412345678',
  subject: channel === 'email' ? 'You are invited' : undefined,
  body: 'Accept at http://localhost:3000/invitations/accept?token=t',
  inviteeId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  acceptUrl: 'http://localhost:3000/invitations/accept?token=t',
  createdAt: '2026-11-22T00:00:00.000Z',
});

describe('OutboxNotifier', () => {
  const directory = eachTempDirectory('outbox-');

  const lines = async () =>
    (await readFile(join(directory.path, 'messages.ndjson'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as OutgoingMessage);

  it('writes each message once as a JSON line, across reopenings too', async () => {
    const first = await OutboxNotifier.open(directory.path);
    await first.send([message('a'), message('b', 'sms')]);
    await first.send([message('a')]);
    await first.close();

    const second = await OutboxNotifier.open(directory.path);
    expect(await second.wasSent('a')).toBe(true);
    expect(await second.wasSent('c')).toBe(false);
    await second.send([message('b', 'sms'), message('c')]);
    await second.close();

    expect((await lines()).map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect((await lines())[1]).toEqual(message('b', 'sms'));
  });

  it('writes the contract’s fields in its order, kind included', async () => {
    const outbox = await OutboxNotifier.open(directory.path);
    await outbox.send([message('a')]);
    await outbox.close();

    const line = (await readFile(join(directory.path, 'messages.ndjson'), 'utf8')).split('\n')[0];
    expect(Object.keys(JSON.parse(line))).toEqual([
      'id',
      'kind',
      'channel',
      'to',
      'subject',
      'body',
      'inviteeId',
      'acceptUrl',
      'createdAt',
    ]);
  });

  it('answers a message it wrote as QUEUED (whatever reads the outbox sends it on), across reopenings', async () => {
    const first = await OutboxNotifier.open(directory.path);
    await first.send([message('a')]);
    await first.close();

    const second = await OutboxNotifier.open(directory.path);
    expect(await second.handoverOf('a')).toEqual({ status: 'QUEUED', providerReference: null, reason: null });
    expect(await second.handoverOf('b')).toBeNull();
    await second.close();
  });

  it('cuts a torn last line left by a crash, and the next message starts on a clean line', async () => {
    const first = await OutboxNotifier.open(directory.path);
    await first.send([message('a')]);
    await first.close();
    await appendFile(join(directory.path, 'messages.ndjson'), '{"id":"torn","chan');

    const second = await OutboxNotifier.open(directory.path);
    expect(await second.wasSent('torn')).toBe(false);
    await second.send([message('d')]);
    await second.close();
    expect((await lines()).map((m) => m.id)).toEqual(['a', 'd']);
  });
});
