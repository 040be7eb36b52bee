import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutgoingMessage } from '../notifier.port';
import { FakeTwilio } from '../testing/fake-twilio';
import { TwilioNotifier } from './twilio-notifier';
import { twilioSettingsFromUrl } from './twilio-settings';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token';
const PUBLIC = 'https://invitations.example.org';

const text = (id: string, to = '+61412345678'): OutgoingMessage => ({
  id,
  kind: 'invitation',
  channel: 'sms',
  to,
  body: `You are invited to join Riggers. Accept: ${PUBLIC}/invitations/accept?token=t`,
  inviteeId: 'invitee-1',
  acceptUrl: `${PUBLIC}/invitations/accept?token=t`,
  createdAt: '2025-03-04T05:06:07.000Z',
});

describe('TwilioNotifier', () => {
  let dir: string;
  let twilio: FakeTwilio;
  const invalidNumber = '+15005550001';
  const unavailable = '+15005550009';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'twilio-notifier-'));
    twilio = await FakeTwilio.start({
      accountSid: ACCOUNT,
      authToken: TOKEN,
      answerFor: (to) =>
        to === invalidNumber
          ? {
              status: 400,
              body: { code: 21211, message: `The 'To' number ${invalidNumber} is not a valid phone number.` },
            }
          : to === unavailable
            ? { status: 503, body: { code: 20500, message: 'Internal Server Error' } }
            : null,
    });
  });
  afterEach(async () => {
    await twilio.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = (from = '+61400000000', sentLogPath: string | undefined = join(dir, 'sent.ndjson')) =>
    TwilioNotifier.open(
      twilioSettingsFromUrl(`twilio://${ACCOUNT}:${TOKEN}@${from}?api=${encodeURIComponent(twilio.url)}`),
      { publicBaseUrl: PUBLIC, sentLogPath },
    );

  it('creates the message with the REST API: account path, basic auth, To, From, Body and the status callback', async () => {
    const notifier = await open();
    await notifier.send([text('msg-1')]);
    await notifier.close();

    expect(twilio.refused).toEqual([]);
    expect(twilio.accepted).toEqual([
      {
        accountSid: ACCOUNT,
        form: {
          To: '+61412345678',
          From: '+61400000000',
          Body: text('msg-1').body,
          StatusCallback: `${PUBLIC}/api/delivery-receipts/twilio?messageId=msg-1`,
        },
      },
    ]);
  });

  it('sends from a Messaging Service when the URL names one', async () => {
    const notifier = await open('MG0123456789abcdef0123456789abcdef');
    await notifier.send([text('msg-1')]);
    await notifier.close();

    expect(twilio.accepted[0].form).toMatchObject({
      MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
    });
    expect(twilio.accepted[0].form.From).toBeUndefined();
  });

  it('answers an accepted message as SENT with Twilio’s SID, and sends it once, across restarts', async () => {
    const before = await open();
    expect(await before.handoverOf('msg-1')).toBeNull();
    await before.send([text('msg-1')]);
    await before.send([text('msg-1')]);
    await before.close();

    const after = await open();
    expect(await after.wasSent('msg-1')).toBe(true);
    expect(await after.handoverOf('msg-1')).toEqual({
      status: 'SENT',
      providerReference: 'SM00000000000000000000000000000001',
      reason: null,
    });
    await after.send([text('msg-1'), text('msg-2')]);
    await after.close();
    expect(twilio.accepted.map((request) => request.form.StatusCallback)).toEqual([
      `${PUBLIC}/api/delivery-receipts/twilio?messageId=msg-1`,
      `${PUBLIC}/api/delivery-receipts/twilio?messageId=msg-2`,
    ]);
  });

  it('remembers a message Twilio refused as invalid as FAILED, with Twilio’s reason, and does not try it again', async () => {
    const notifier = await open();
    await notifier.send([text('msg-bad', invalidNumber)]);
    await notifier.send([text('msg-bad', invalidNumber)]);

    expect(await notifier.handoverOf('msg-bad')).toEqual({
      status: 'FAILED',
      providerReference: null,
      reason: `Twilio error 21211: The 'To' number ${invalidNumber} is not a valid phone number.`,
    });
    expect(twilio.refused).toHaveLength(1);
    await notifier.close();
  });

  it('fails the send when Twilio cannot take it now (5xx), remembering nothing, so it is tried again', async () => {
    const notifier = await open();
    await expect(notifier.send([text('msg-later', unavailable)])).rejects.toThrow(
      'Text message msg-later not accepted by Twilio: Twilio error 20500: Internal Server Error',
    );
    expect(await notifier.wasSent('msg-later')).toBe(false);
    await notifier.send([text('msg-ok')]);
    expect(await notifier.wasSent('msg-ok')).toBe(true);
    await notifier.close();
  });

  it('fails the send with wrong credentials (401), which no message can be blamed for', async () => {
    const notifier = await TwilioNotifier.open(
      twilioSettingsFromUrl(`twilio://${ACCOUNT}:wrong@+61400000000?api=${encodeURIComponent(twilio.url)}`),
      { publicBaseUrl: PUBLIC },
    );
    await expect(notifier.send([text('msg-1')])).rejects.toThrow('Twilio error 20003: Authenticate');
    expect(await notifier.handoverOf('msg-1')).toBeNull();
    await notifier.close();
  });

  it('ignores a torn last line of its sent log (a hand-over never acknowledged)', async () => {
    const path = join(dir, 'sent.ndjson');
    const before = await open();
    await before.send([text('msg-1')]);
    await before.close();
    await writeFile(path, (await readFile(path, 'utf8')) + '{"id":"msg-torn","sta', 'utf8');

    const after = await open();
    expect(await after.wasSent('msg-1')).toBe(true);
    expect(await after.wasSent('msg-torn')).toBe(false);
    await after.send([text('msg-2')]);
    await after.close();
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('sends no email, with a warning that names only its id', async () => {
    const warnings: string[] = [];
    const notifier = await TwilioNotifier.open(
      twilioSettingsFromUrl(
        `twilio://${ACCOUNT}:${TOKEN}@+61400000000?api=${encodeURIComponent(twilio.url)}`,
      ),
      { publicBaseUrl: PUBLIC, logger: { warn: (message) => void warnings.push(message) } },
    );
    await notifier.send([{ ...text('msg-1'), channel: 'email', to: 'person@example.com' }]);
    expect(warnings).toEqual(['Email msg-1 not sent: the Twilio notifier sends text messages only']);
    expect(twilio.accepted).toEqual([]);
    await notifier.close();
  });
});
