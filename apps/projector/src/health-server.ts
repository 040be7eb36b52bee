import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One check of a readiness answer, in the shape @nestjs/terminus gives the gateway's. */
export interface CheckResult {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface HealthReport {
  status: 'ok' | 'error';
  details: Record<string, CheckResult>;
}

export interface HealthChecks {
  ready(): Promise<HealthReport>;
}

/**
 * Serves GET /health/live (the process answers) and GET /health/ready (200 when ready, 503 with the failing
 * checks otherwise), as the docker healthcheck and an orchestrator expect. Nothing else: the projector has no API.
 */
export function serveHealth(port: number, checks: HealthChecks): Promise<Server> {
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(body));
    };
    const path = new URL(request.url ?? '/', 'http://projector').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(405, { message: 'Method not allowed' });
    if (path === '/health/live')
      return send(200, {
        status: 'ok',
        details: { process: { status: 'up', uptimeSeconds: Math.round(process.uptime()) } },
      });
    if (path !== '/health/ready') return send(404, { message: 'Not found' });
    checks.ready().then(
      (report) => send(report.status === 'ok' ? 200 : 503, report),
      (error: unknown) =>
        send(503, { status: 'error', details: { readiness: { status: 'down', error: String(error) } } }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
