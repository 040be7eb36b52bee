import { createServer, type AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { eachTempDirectory } from '@invitations/event-store/testing';
import { invitationMessagesOf as messagesOf } from '../testing/invitation-messages';
import { SmtpNotifier, type MailTransport } from './smtp-notifier';

/** A real nodemailer transport that builds each message (RFC 5322) into a buffer instead of sending it. */
function capturingTransport(): MailTransport & { sent: string[]; failNext: boolean } {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const capture = {
    sent: [] as string[],
    failNext: false,
    async sendMail(mail: Mail.Options): Promise<unknown> {
      if (capture.failNext) {
        capture.failNext = false;
        throw new Error('421 service not available');
      }
      const info = await transport.sendMail(mail);
      capture.sent.push((info.message as Buffer).toString('utf8'));
      return info;
    },
    close: () => transport.close(),
  };
  return capture;
}

describe('SmtpNotifier', () => {
  const directory = eachTempDirectory('smtp-notifier-');

  it('sends the email with a Message-ID and Date derived from the message, from the configured sender', async () => {
    const transport = capturingTransport();
    const notifier = new SmtpNotifier(transport, { from: 'Invitations <invite@example.org>' });
    await notifier.send(messagesOf('evt-1').slice(0, 1));
    expect(transport.sent).toHaveLength(1);
    const mail = transport.sent[0];
    expect(mail).toMatch(/^Message-ID: <evt-1-email@example\.org>$/m);
    expect(mail).toMatch(/^Date: Tue, 04 Mar 2025 05:06:07 \+0000$/m);
    expect(mail).toMatch(/^From: Invitations <invite@example\.org>$/m);
    expect(mail).toMatch(/^To: person@example\.com$/m);
    expect(mail).toMatch(/^Subject: You are invited to join Nurses$/m);
    expect(mail).toContain('Accept here.');
    expect(await notifier.wasSent('evt-1-email')).toBe(true);
    await notifier.close();
  });

  it('builds the same Message-ID on every attempt, so a resent email is recognisably the same one', async () => {
    const first = capturingTransport();
    const second = capturingTransport();
    await new SmtpNotifier(first).send(messagesOf('evt-2').slice(0, 1));
    await new SmtpNotifier(second).send(messagesOf('evt-2').slice(0, 1));
    const idOf = (mail: string) => /^Message-ID: (.*)$/m.exec(mail)?.[1];
    expect(idOf(first.sent[0])).toBe('<evt-2-email@localhost>');
    expect(idOf(second.sent[0])).toBe(idOf(first.sent[0]));
  });

  it('sends no text message through SMTP: it skips them with a warning that names no phone number', async () => {
    const warnings: string[] = [];
    const notifier = new SmtpNotifier(capturingTransport(), {
      logger: { warn: (m) => void warnings.push(m) },
    });
    await notifier.send(messagesOf('evt-4'));
    expect(warnings).toEqual(['Text message evt-4-sms not sent: the SMTP notifier has no SMS channel']);
    expect(await notifier.wasSent('evt-4-sms')).toBe(false);
    expect(await notifier.wasSent('evt-4-email')).toBe(true);
  });

  it('answers an email the server accepted as SENT, its Message-ID the reference, across restarts', async () => {
    const sentLogPath = join(directory.path, 'smtp', 'sent-ids.log');
    const before = new SmtpNotifier(capturingTransport(), { sentLogPath, from: 'invite@example.org' });
    expect(await before.handoverOf('evt-12-email')).toBeNull();
    await before.send(messagesOf('evt-12').slice(0, 1));
    await before.close();

    const after = new SmtpNotifier(capturingTransport(), { sentLogPath, from: 'invite@example.org' });
    expect(await after.handoverOf('evt-12-email')).toEqual({
      status: 'SENT',
      providerReference: '<evt-12-email@example.org>',
      reason: null,
    });
    await after.close();
  });

  it('does not count an email the SMTP server refused as sent, and sends it on the next try', async () => {
    const transport = capturingTransport();
    const notifier = new SmtpNotifier(transport);
    transport.failNext = true;
    await expect(notifier.send(messagesOf('evt-5').slice(0, 1))).rejects.toThrow('421');
    expect(await notifier.wasSent('evt-5-email')).toBe(false);
    await notifier.send(messagesOf('evt-5').slice(0, 1));
    expect(transport.sent).toHaveLength(1);
    expect(await notifier.wasSent('evt-5-email')).toBe(true);
  });

  it('sends an email once per process, however often it is asked', async () => {
    const transport = capturingTransport();
    const notifier = new SmtpNotifier(transport);
    await notifier.send(messagesOf('evt-6').slice(0, 1));
    await notifier.send(messagesOf('evt-6').slice(0, 1));
    expect(transport.sent).toHaveLength(1);
  });

  it('with a sent log, remembers sent emails across restarts (and ignores a torn last line)', async () => {
    const sentLogPath = join(directory.path, 'smtp', 'sent-ids.log');
    const before = new SmtpNotifier(capturingTransport(), { sentLogPath });
    await before.send(messagesOf('evt-7').slice(0, 1));
    await before.close();
    await writeFile(sentLogPath, (await readFile(sentLogPath, 'utf8')) + 'evt-torn', 'utf8');

    const transport = capturingTransport();
    const after = new SmtpNotifier(transport, { sentLogPath });
    expect(await after.wasSent('evt-7-email')).toBe(true);
    expect(await after.wasSent('evt-torn')).toBe(false);
    await after.send(messagesOf('evt-7').slice(0, 1));
    expect(transport.sent).toHaveLength(0);
    await after.send(messagesOf('evt-8').slice(0, 1));
    await after.close();
    expect(await readFile(sentLogPath, 'utf8')).toBe('evt-7-email\nevt-8-email\n');
  });

  it('sends through SMTP to the server named by the NOTIFIER URL', async () => {
    const server = await fakeSmtpServer();
    try {
      const notifier = new SmtpNotifier(`smtp://127.0.0.1:${server.port}?from=invite%40example.org`);
      await notifier.send(messagesOf('evt-11').slice(0, 1));
      await notifier.close();
      expect(server.envelopes).toEqual([{ from: 'invite@example.org', to: ['person@example.com'] }]);
      expect(server.messages[0]).toMatch(/^Message-ID: <evt-11-email@example\.org>\r?$/m);
    } finally {
      await server.close();
    }
  });
});

/** Just enough of an SMTP server, on the loopback, to receive what nodemailer sends (no TLS, no auth). */
async function fakeSmtpServer() {
  const envelopes: { from: string; to: string[] }[] = [];
  const messages: string[] = [];
  const server = createServer((socket) => {
    let envelope = { from: '', to: [] as string[] };
    let data: string | null = null;
    let buffered = '';
    const answer = (line: string): string => {
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'MAIL') envelope.from = /<(.*)>/.exec(line)?.[1] ?? '';
      if (verb === 'RCPT') envelope.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
      if (verb === 'DATA') data = '';
      if (verb === 'QUIT') setImmediate(() => socket.end());
      const replies: Record<string, string> = { DATA: '354 go on\r\n', QUIT: '221 bye\r\n' };
      return replies[verb] ?? '250 ok\r\n';
    };
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            messages.push(data);
            envelopes.push(envelope);
            envelope = { from: '', to: [] };
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line.replace(/^\.\./, '.')}\r\n`;
          continue;
        }
        socket.write(answer(line));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    envelopes,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
