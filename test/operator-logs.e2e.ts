import { request } from 'node:http';
import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';

interface LogLine {
  level: string;
  msg: string;
  reqId?: string;
  context?: string;
  stack?: string;
  req?: { method: string; path: string };
  res?: { statusCode: number };
}

/**
 * In production the log is JSON, one object a line, with the request id; it carries no tokens and no personal
 * data; a client that goes away is told at info, without a stack trace.
 */
describe('the log operators read, end to end (NODE_ENV=production)', () => {
  let gw: Gateway;
  let token: string;
  let lines: LogLine[];
  const email = 'private.person@example.com';

  beforeAll(async () => {
    gw = await Gateway.start({ env: { NODE_ENV: 'production' } });
    token = await gw.token('org-log', 'logan');
    const { batchId } = await gw.poolAndBatch(token);
    await gw.ok(
      op.STAGE,
      { input: { batchId, email, dateOfBirth: '1980-02-02', firstName: 'Private', lastName: 'Person' } },
      token,
    );
    await gw.graphql(op.POOLS, {}, token, { 'x-request-id': 'trace-me-42' });
    await fetch(`${gw.url}/invitations/accept?token=secret-invitation-token`);
    await gw.graphql(op.POOLS, {}, 'not.a.valid-token');
    await abortedUpload(batchId);
    await gw.stop();
    lines = gw.output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);
  });

  /** Sends part of a CSV, then hangs up. */
  async function abortedUpload(batchId: string): Promise<void> {
    const url = new URL(`${gw.url}/api/uploads?batchId=${batchId}`);
    await new Promise<void>((resolve) => {
      const req = request(url, {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          authorization: `Bearer ${token}`,
          'transfer-encoding': 'chunked',
        },
      });
      req.on('error', () => resolve());
      req.write(`${HEADER}\nsomeone@example.com,1990-01-01,Some,,One,,,\n`);
      setTimeout(() => {
        req.destroy();
        setTimeout(resolve, 500);
      }, 300);
    });
  }

  it('writes every line as JSON (parsed above), with no terminal colours', () => {
    expect(lines.length).toBeGreaterThan(5);
    expect(gw.output).not.toContain(String.fromCharCode(0x1b));
  });

  it('writes one line per request, with its id, method, path and status', () => {
    const traced = lines.filter((line) => line.reqId === 'trace-me-42');
    expect(traced).toContainEqual(
      expect.objectContaining({
        level: 'info',
        req: { method: 'POST', path: '/graphql' },
        res: { statusCode: 200 },
      }),
    );
  });

  it('never writes a token, an invitation token or personal data', () => {
    expect(gw.output).not.toContain(token);
    expect(gw.output).not.toContain(token.split('.')[1]);
    expect(gw.output).not.toContain('secret-invitation-token');
    expect(gw.output).not.toContain('not.a.valid-token');
    expect(gw.output).not.toContain(email);
    expect(gw.output).not.toContain('someone@example.com');
    expect(lines).toContainEqual(
      expect.objectContaining({ req: { method: 'GET', path: '/invitations/accept' } }),
    );
  });

  it('tells a client that went away at info, without a stack trace', () => {
    const upload = lines.filter((line) => line.req?.path === '/api/uploads' || /went away/.test(line.msg));
    expect(upload.length).toBeGreaterThan(0);
    for (const line of upload) {
      expect(line.level).toBe('info');
      expect(line.stack).toBeUndefined();
    }
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
