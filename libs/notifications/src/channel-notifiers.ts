import type { Handover, Notifier, OutgoingMessage } from './notifier.port';

/**
 * One notifier for both channels, each message handed to its channel's own: emails to the email notifier (the
 * outbox or SMTP), text messages to the SMS notifier (the outbox or Twilio). The same notifier may serve both.
 *
 * An event's messages are not sent atomically across two notifiers: the text messages go first, because the
 * notification process manager asks `wasSent` about the email alone — once the email is out, the event is done.
 * Closing closes each notifier once.
 */
export class ChannelNotifiers implements Notifier {
  constructor(
    private readonly email: Notifier,
    private readonly sms: Notifier,
  ) {}

  async wasSent(id: string): Promise<boolean> {
    return (await this.email.wasSent(id)) || (this.sms !== this.email && (await this.sms.wasSent(id)));
  }

  async handoverOf(id: string): Promise<Handover | null> {
    return (await this.email.handoverOf(id)) ?? (this.sms === this.email ? null : this.sms.handoverOf(id));
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.sms === this.email) return this.email.send(messages);
    const texts = messages.filter((message) => message.channel === 'sms');
    const emails = messages.filter((message) => message.channel === 'email');
    if (texts.length > 0) await this.sms.send(texts);
    if (emails.length > 0) await this.email.send(emails);
  }

  async close(): Promise<void> {
    await this.email.close();
    if (this.sms !== this.email) await this.sms.close();
  }
}
