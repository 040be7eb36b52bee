import type { Handover, Notifier, OutgoingMessage } from '../notifier.port';

/**
 * A notifier that keeps everything it is asked to send (a message asked twice shows twice: that is what tests of
 * exactly-once look for). It hands messages over as the outbox does (QUEUED),
 * or, given `handover`, as a provider would (SENT with a reference, FAILED with a reason). `failNext` makes the
 * next send fail before anything is handed over, as a provider that cannot be reached.
 */
export class RecordingNotifier implements Notifier {
  readonly sent: OutgoingMessage[] = [];
  failNext: Error | null = null;
  private readonly handed = new Map<string, Handover>();

  constructor(
    private readonly handover: (message: OutgoingMessage) => Handover = () => ({
      status: 'QUEUED',
      providerReference: null,
      reason: null,
    }),
  ) {}

  async wasSent(id: string): Promise<boolean> {
    return this.handed.has(id);
  }

  async handoverOf(id: string): Promise<Handover | null> {
    return this.handed.get(id) ?? null;
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    for (const message of messages) {
      this.sent.push(message);
      if (!this.handed.has(message.id)) this.handed.set(message.id, this.handover(message));
    }
  }

  async close(): Promise<void> {}
}
