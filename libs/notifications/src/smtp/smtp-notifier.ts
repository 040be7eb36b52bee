import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Handover, Notifier, OutgoingMessage } from '../notifier.port';
import { DEFAULT_FROM, domainOfAddress, messageIdHeader, smtpSettingsFromUrl } from './smtp-settings';

/** What the notifier needs of a nodemailer transporter (any transport: SMTP in production, a stream in tests). */
export interface MailTransport {
  sendMail(mail: Mail.Options): Promise<unknown>;
  close(): void;
}

export interface SmtpNotifierOptions {
  /** The sender; defaults to the URL's `from` parameter, else `Invitations <no-reply@localhost>`. */
  from?: string;
  /** The right-hand side of Message-IDs; defaults to the sender's domain. */
  messageIdDomain?: string;
  /** A file remembering the ids of the emails sent, so a restart does not send them again. */
  sentLogPath?: string;
  logger?: { warn(message: string): void };
}

/**
 * The notifier for `NOTIFIER=smtp://...`: emails go through SMTP (nodemailer). It sends no text messages (the
 * SMS notifier beside it does, see `ChannelNotifiers`): any given to it are skipped with a warning naming their id.
 *
 * Delivery is at-least-once, honestly: an email is recorded as sent (in memory, and in `sentLogPath` when
 * given, fsynced) only after the SMTP server accepted it, so a crash in between sends it again on redelivery.
 * Every attempt carries the same Message-ID, derived from the message id, and the same Date, so the copies
 * are recognisably one message. An email the server accepted is SENT, its Message-ID the provider's reference.
 */
export class SmtpNotifier implements Notifier {
  private readonly sent = new Set<string>();
  private readonly transport: MailTransport;
  private readonly from: string;
  private readonly messageIdDomain: string;
  private readonly logger: { warn(message: string): void };
  /** The sent log, once its ids are loaded (null without one); every operation waits for it. */
  private readonly sentLog: Promise<FileHandle | null>;

  /**
   * @param target `NOTIFIER`'s smtp:// or smtps:// URL (with credentials and `?from=` if needed), or a
   *   transport (any nodemailer transporter, e.g. a stream transport in tests).
   */
  constructor(target: string | MailTransport, options: SmtpNotifierOptions = {}) {
    const settings = typeof target === 'string' ? smtpSettingsFromUrl(target) : null;
    this.transport = settings ? createTransport(settings.transportUrl) : (target as MailTransport);
    this.from = options.from ?? settings?.from ?? DEFAULT_FROM;
    this.messageIdDomain = options.messageIdDomain ?? domainOfAddress(this.from) ?? 'localhost';
    this.logger = options.logger ?? console;
    this.sentLog = options.sentLogPath ? this.openSentLog(options.sentLogPath) : Promise.resolve(null);
    this.sentLog.catch(() => undefined); // reported by the first operation, not as an unhandled rejection
  }

  async wasSent(id: string): Promise<boolean> {
    await this.sentLog;
    return this.sent.has(id);
  }

  async handoverOf(id: string): Promise<Handover | null> {
    if (!(await this.wasSent(id))) return null;
    return { status: 'SENT', providerReference: messageIdHeader(id, this.messageIdDomain), reason: null };
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    await this.sentLog;
    for (const text of messages.filter((message) => message.channel === 'sms'))
      this.logger.warn(`Text message ${text.id} not sent: the SMTP notifier has no SMS channel`);
    const emails = messages.filter((message) => message.channel === 'email' && !this.sent.has(message.id));
    for (const email of emails) {
      await this.transport.sendMail(this.mailOf(email));
      await this.recordSent(email.id);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
    await (await this.sentLog.catch(() => null))?.close();
  }

  private mailOf(message: OutgoingMessage): Mail.Options {
    return {
      from: this.from,
      to: message.to,
      subject: message.subject ?? '',
      text: message.body,
      messageId: messageIdHeader(message.id, this.messageIdDomain),
      date: new Date(message.createdAt),
    };
  }

  private async recordSent(id: string): Promise<void> {
    const sentLog = await this.sentLog;
    if (sentLog) {
      await sentLog.appendFile(`${id}\n`, 'utf8');
      await sentLog.datasync();
    }
    this.sent.add(id);
  }

  /** Opens the sent log for appending, after loading the ids in it (a torn last line, never acknowledged, is cut). */
  private async openSentLog(path: string): Promise<FileHandle> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    for (const id of complete.split('\n')) if (id !== '') this.sent.add(id);
    const file = await open(path, 'a');
    if (complete.length < text.length) await file.truncate(Buffer.byteLength(complete, 'utf8'));
    return file;
  }
}
