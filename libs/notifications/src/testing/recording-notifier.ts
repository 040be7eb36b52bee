import type { Notifier, OutgoingMessage } from '../notifier.port';

/** A notifier that keeps what it is asked to send. */
export class RecordingNotifier implements Notifier {
  readonly sent: OutgoingMessage[] = [];

  async wasSent(id: string): Promise<boolean> {
    return this.sent.some((message) => message.id === id);
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    this.sent.push(...messages);
  }

  async close(): Promise<void> {}
}
