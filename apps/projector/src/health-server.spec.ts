import type { Server } from 'node:http';
import { closeServer, portOf, serveHealth, type HealthReport } from './health-server';

describe('the projector health server', () => {
  let server: Server;
  let report: HealthReport;
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${portOf(server)}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeEach(async () => {
    report = { status: 'ok', details: { projector: { status: 'up', role: 'standby' } } };
    server = await serveHealth(0, { ready: async () => report });
  });
  afterEach(() => closeServer(server));

  it('answers liveness while the process runs', async () => {
    expect(await get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers readiness 200 when ready and 503 with the report when not', async () => {
    expect(await get('/health/ready')).toEqual({ status: 200, body: report });

    report = { status: 'error', details: { readStore: { status: 'down', message: 'unreachable' } } };
    expect(await get('/health/ready')).toEqual({ status: 503, body: report });
  });

  it('answers 404 elsewhere', async () => {
    expect((await get('/graphql')).status).toBe(404);
  });
});
