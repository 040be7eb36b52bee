import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestLogging } from './request-logging';
import { capturedLog } from './testing/captured-log';

/** A server answering through the request logging as the gateway's does, and the lines it writes. */
async function serving(answer: (res: ServerResponse) => void) {
  const { lines, log } = capturedLog();
  const middleware = requestLogging({ logging: { format: 'json', level: 'info' } }, log);
  const server: Server = createServer((req, res) => middleware(req, res, () => answer(res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { lines, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the request log', () => {
  it('writes one line per answer: its id, method, path without the query string, status and time', async () => {
    const server = await serving((res) => res.end('{}'));
    try {
      const answer = await fetch(`${server.url}/invitations/accept?token=secret-token`, {
        headers: { 'x-request-id': 'trace-1', authorization: 'Bearer secret-bearer' },
      });
      expect(answer.headers.get('x-request-id')).toBe('trace-1');
      await settled();
      expect(server.lines).toEqual([
        expect.objectContaining({
          level: 'info',
          reqId: 'trace-1',
          req: { method: 'GET', path: '/invitations/accept' },
          res: { statusCode: 200 },
          responseTime: expect.any(Number),
          msg: 'GET /invitations/accept 200',
        }),
      ]);
      expect(JSON.stringify(server.lines)).not.toMatch(/secret-token|secret-bearer/);
    } finally {
      await server.close();
    }
  });

  it('writes an answer of 500 or more at error, and no line for a health probe', async () => {
    const server = await serving((res) => {
      res.statusCode = 503;
      res.end();
    });
    try {
      await fetch(`${server.url}/health/ready`);
      await fetch(`${server.url}/graphql`, { method: 'POST' });
      await settled();
      expect(server.lines).toEqual([
        expect.objectContaining({
          level: 'error',
          req: { method: 'POST', path: '/graphql' },
          res: { statusCode: 503 },
        }),
      ]);
    } finally {
      await server.close();
    }
  });

  it('tells a client that went away before its answer at info, once', async () => {
    const server = await serving(() => undefined);
    try {
      await new Promise<void>((resolve) => {
        const req = httpRequest(`${server.url}/api/uploads`, { method: 'POST' });
        req.on('error', () => resolve());
        req.write('email,');
        setTimeout(() => req.destroy(), 50);
      });
      await settled();
      expect(server.lines).toEqual([
        expect.objectContaining({
          level: 'info',
          msg: 'POST /api/uploads: the client went away before the answer',
          reqId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        }),
      ]);
    } finally {
      await server.close();
    }
  });
});
