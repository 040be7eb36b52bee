import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Messages.json request the fake Twilio accepted or refused. */
export interface TwilioRequest {
  accountSid: string;
  form: Record<string, string>;
}

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /** Answer for a given To number instead of accepting it: e.g. 400 with Twilio's error, or 503. */
  answerFor?: (to: string) => { status: number; body: unknown } | null;
}

/**
 * Just enough of Twilio's REST API, on the loopback, to check the requests as Twilio would: the Messages
 * resource's path (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`), HTTP basic auth with the account SID
 * and auth token (401 otherwise, as Twilio answers), a form body (`application/x-www-form-urlencoded`) with `To`,
 * `Body` and `From` or `MessagingServiceSid` (400 with Twilio's error 21604/21602 otherwise); it answers 201 with
 * a message resource whose `sid` is `SM…`.
 */
export class FakeTwilio {
  readonly accepted: TwilioRequest[] = [];
  readonly refused: { status: number; path: string }[] = [];
  private count = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: FakeTwilioOptions): Promise<FakeTwilio> {
    const handlers: ((request: IncomingMessage) => Promise<{ status: number; body: unknown }>)[] = [];
    const server = createServer((request, response) => {
      void handlers[0](request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeTwilio(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    handlers.push((request) => fake.handle(request, options));
    return fake;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    request: IncomingMessage,
    options: FakeTwilioOptions,
  ): Promise<{ status: number; body: unknown }> {
    const body = await readBody(request);
    const path = request.url ?? '';
    const refuse = (status: number, code: number, message: string) => {
      this.refused.push({ status, path });
      return { status, body: { code, message, status } };
    };
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (request.method !== 'POST' || !match)
      return refuse(404, 20404, 'The requested resource was not found');
    const expected = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected || match[1] !== options.accountSid)
      return refuse(401, 20003, 'Authenticate');
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
      return refuse(400, 20001, 'Expected a form');
    const form = Object.fromEntries(new URLSearchParams(body));
    if (!form.To) return refuse(400, 21604, "A 'To' phone number is required.");
    if (!form.Body) return refuse(400, 21602, 'Message body is required.');
    if (!form.From && !form.MessagingServiceSid)
      return refuse(400, 21603, "A 'From' phone number is required.");
    const answer = options.answerFor?.(form.To) ?? null;
    if (answer) {
      this.refused.push({ status: answer.status, path });
      return answer;
    }
    this.accepted.push({ accountSid: match[1], form });
    this.count += 1;
    const sid = `SM${String(this.count).padStart(32, '0')}`;
    return {
      status: 201,
      body: { sid, account_sid: match[1], to: form.To, from: form.From ?? null, status: 'queued' },
    };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
