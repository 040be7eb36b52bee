import type { Handover, Notifier, OutgoingMessage } from '../notifier.port';
import { SentLog } from '../sent-log';
import { twilioStatusCallbackUrl, type TwilioSettings } from './twilio-settings';

export interface TwilioNotifierOptions {
  /** Base of the status callback URLs (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** A file remembering each message handed to Twilio, so a restart does not send it again. */
  sentLogPath?: string;
  /** How long one request to Twilio may take before it is given up (and tried again on redelivery). */
  timeoutMs?: number;
  logger?: { warn(message: string): void };
  fetch?: typeof fetch;
}

interface SentEntry {
  id: string;
  status: 'SENT' | 'FAILED';
  sid?: string;
  reason?: string;
}

/** Twilio's answer to a refused request (https://www.twilio.com/docs/usage/twilios-response). */
interface TwilioError {
  code?: number;
  message?: string;
}

/**
 * The SMS notifier for `SMS=twilio://…`: each text message is created with Twilio's REST API (`POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json`, basic auth, form fields To, From or MessagingServiceSid, Body
 * and StatusCallback, which points at the gateway's Twilio route so that Twilio reports what became of it).
 *
 * Like the SMTP notifier, it is at-least-once, honestly: a message is remembered (with Twilio's SID, in the sent
 * log, fsynced) only once Twilio answered 201, so a crash in between sends it again on redelivery. A request Twilio
 * refuses as invalid (400: a number that cannot receive texts, a recipient who opted out) is remembered as FAILED
 * with Twilio's reason and not tried again; any other failure (the network, 401, 429, 5xx) fails the send, so the
 * notification process manager tries again later.
 */
export class TwilioNotifier implements Notifier {
  private readonly handed = new Map<string, Handover>();
  private queue: Promise<void> = Promise.resolve();
  private readonly fetch: typeof fetch;
  private readonly logger: { warn(message: string): void };

  private constructor(
    private readonly settings: TwilioSettings,
    private readonly options: TwilioNotifierOptions,
    private readonly sentLog: SentLog<SentEntry> | null,
    entries: SentEntry[],
  ) {
    this.fetch = options.fetch ?? fetch;
    this.logger = options.logger ?? console;
    for (const entry of entries) this.handed.set(entry.id, handoverOf(entry));
  }

  static async open(settings: TwilioSettings, options: TwilioNotifierOptions): Promise<TwilioNotifier> {
    const opened = options.sentLogPath ? await SentLog.open<SentEntry>(options.sentLogPath) : null;
    return new TwilioNotifier(settings, options, opened?.log ?? null, opened?.entries ?? []);
  }

  async wasSent(id: string): Promise<boolean> {
    await this.queue;
    return this.handed.has(id);
  }

  async handoverOf(id: string): Promise<Handover | null> {
    await this.queue;
    return this.handed.get(id) ?? null;
  }

  send(messages: readonly OutgoingMessage[]): Promise<void> {
    const sending = this.queue.then(async () => {
      for (const message of messages) {
        if (message.channel !== 'sms') {
          this.logger.warn(`Email ${message.id} not sent: the Twilio notifier sends text messages only`);
          continue;
        }
        if (!this.handed.has(message.id)) await this.remember(await this.create(message));
      }
    });
    this.queue = sending.catch(() => undefined);
    return sending;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.sentLog?.close();
  }

  /** Creates the message at Twilio: SENT with its SID, FAILED with Twilio's reason for a 400; throws otherwise. */
  private async create(message: OutgoingMessage): Promise<SentEntry> {
    const { accountSid, authToken, from, apiBaseUrl } = this.settings;
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    form.set(from.startsWith('MG') ? 'MessagingServiceSid' : 'From', from);
    form.set('StatusCallback', twilioStatusCallbackUrl(this.options.publicBaseUrl, message.id));
    const response = await this.fetch(
      `${apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      },
    );
    const answer = (await response.json().catch(() => ({}))) as { sid?: unknown } & TwilioError;
    if (response.status === 201 && typeof answer.sid === 'string') {
      return { id: message.id, status: 'SENT', sid: answer.sid };
    }
    const reason = twilioReason(response.status, answer);
    if (response.status === 400) return { id: message.id, status: 'FAILED', reason };
    throw new Error(`Text message ${message.id} not accepted by Twilio: ${reason}`);
  }

  private async remember(entry: SentEntry): Promise<void> {
    await this.sentLog?.append(entry);
    this.handed.set(entry.id, handoverOf(entry));
  }
}

function handoverOf(entry: SentEntry): Handover {
  return entry.status === 'SENT'
    ? { status: 'SENT', providerReference: entry.sid ?? null, reason: null }
    : { status: 'FAILED', providerReference: null, reason: entry.reason ?? null };
}

/** Twilio's error code and message, e.g. "Twilio error 21211: Invalid 'To' Phone Number" (never our token). */
function twilioReason(status: number, answer: TwilioError): string {
  const code = typeof answer.code === 'number' ? ` ${answer.code}` : '';
  const message =
    typeof answer.message === 'string' ? `: ${answer.message.slice(0, 300)}` : ` (HTTP ${status})`;
  return `Twilio error${code}${message}`;
}
