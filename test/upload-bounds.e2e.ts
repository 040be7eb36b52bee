import { request, type IncomingMessage } from 'node:http';
import { sharedGatewayWithBatch } from './support/gateway-harness';

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';
const ROW = 'someone@example.com,1990-01-01,Some,,One,,,\n';

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: { code?: string; message?: string; errors?: { field?: string }[]; id?: string };
  elapsedMs: number;
}

/**
 * Uploads are bounded: a declared length over the limit answers 413 before a byte is read, a body over it 413 as
 * soon as it is passed, an upload that sends nothing for UPLOAD_IDLE_SECONDS is ended (408) and stages nothing,
 * at most UPLOAD_CONCURRENCY are read at once (the next waits briefly, then 429 with Retry-After), and a form's
 * fields other than the file are a few KB at most.
 */
describe('upload bounds, end to end', () => {
  const world = sharedGatewayWithBatch('org-ub', 'uli', {
    UPLOAD_MAX_BYTES: '20000',
    UPLOAD_IDLE_SECONDS: '1',
    UPLOAD_CONCURRENCY: '2',
    UPLOAD_QUEUE_WAIT_SECONDS: '0.5',
  });

  /** A raw upload: headers, then `chunks` written one by one (`null`: stop sending, keep the connection open). */
  function upload(
    chunks: (string | null)[],
    headers: Record<string, string | number> = {},
    type = 'text/csv',
  ): { answer: Promise<Answer>; end(): void } {
    const started = Date.now();
    const req = request(new URL(`${world.gw.url}/api/uploads?batchId=${world.batchId}`), {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${world.token}`, ...headers },
    });
    const answer = new Promise<Answer>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(text),
            elapsedMs: Date.now() - started,
          }),
        );
      });
      req.on('error', reject);
    });
    req.flushHeaders();
    let stopped = false;
    for (const chunk of chunks) {
      if (chunk === null) {
        stopped = true;
        break;
      }
      req.write(chunk);
    }
    if (!stopped) req.end();
    return { answer, end: () => req.destroy() };
  }

  it('answers 413 at once when Content-Length says the file is over the limit, before reading it', async () => {
    const { answer, end } = upload([null], { 'content-length': 50 * 1024 * 1024 });
    const result = await answer;
    end();
    expect(result.status).toBe(413);
    expect(result.body.message).toMatch(/larger than this route accepts \(at most 19\.5 KB\)/);
    expect(result.headers.connection).toBe('close');
    expect(result.elapsedMs).toBeLessThan(1000);
  });

  it('answers 413 as soon as a body without a declared length passes the limit', async () => {
    const big = HEADER + '\n' + ROW.repeat(600);
    const result = await upload([big], { 'transfer-encoding': 'chunked' }).answer;
    expect(result.status).toBe(413);
  });

  it('ends an upload that sends nothing for UPLOAD_IDLE_SECONDS, with a clear error, staging nothing', async () => {
    const head = await world.gw.logHead();
    const { answer, end } = upload([`${HEADER}\n${ROW}`, null], { 'transfer-encoding': 'chunked' });
    const result = await answer;
    end();
    expect(result.status).toBe(408);
    expect(result.body.message).toMatch(/sent nothing for 1 seconds and was ended\. Nothing was staged/);
    expect(await world.gw.logHead()).toBe(head);
  });

  it('reads at most UPLOAD_CONCURRENCY uploads at once; the next waits briefly, then 429 with Retry-After', async () => {
    const slow = [1, 2].map(() => upload([`${HEADER}\n`, null], { 'transfer-encoding': 'chunked' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const third = await upload([`${HEADER}\n${ROW}`]).answer;
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('RATE_LIMITED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // The slow ones are ended for their silence; then uploads are read again.
    for (const { answer, end } of slow) {
      expect((await answer).status).toBe(408);
      end();
    }
    const after = await upload([`${HEADER}\n${ROW}`]).answer;
    expect(after.status).toBe(200);
  });

  describe('multipart forms', () => {
    const BOUNDARY = 'bound4ry';
    const part = (name: string, value: string, file = false) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="people.csv"\r\nContent-Type: text/csv' : ''}\r\n\r\n${value}\r\n`;
    const form = (...parts: string[]) => [parts.join('') + `--${BOUNDARY}--\r\n`];
    const type = `multipart/form-data; boundary=${BOUNDARY}`;

    it('keeps small text fields beside the file working', async () => {
      const result = await upload(
        form(part('note', 'March intake'), part('file', `${HEADER}\n${ROW}`, true)),
        {},
        type,
      ).answer;
      expect(result.status).toBe(200);
    });

    it('refuses a field over a few KB, naming it', async () => {
      const result = await upload(
        form(part('note', 'n'.repeat(5000)), part('file', `${HEADER}\n${ROW}`, true)),
        {},
        type,
      ).answer;
      expect(result.status).toBe(400);
      expect(result.body.message).toMatch(/form field "note" is longer than 4096 bytes/);
    });

    it('refuses a file in another field rather than reading it', async () => {
      const result = await upload(
        form(part('other', 'x'.repeat(1000), true), part('file', `${HEADER}\n${ROW}`, true)),
        {},
        type,
      ).answer;
      expect(result.status).toBe(400);
      expect(result.body.message).toMatch(/Send one file, in the field "file"/);
    });
  });
});
