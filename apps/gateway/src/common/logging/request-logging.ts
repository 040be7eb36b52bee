import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import type { ServiceConfig } from '@invitations/runtime';
import { newRequestId } from './request-context';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Every request gets an id (the caller's sane X-Request-Id, or a new one), answered in `X-Request-Id` and written on
 * the lines about it: its answer's, and a fault's while it was served (error-mapping.ts).
 *
 * With the JSON log, one line per answered request: method, path (never the query string, which may hold an
 * invitation token or a person's details), status and time taken; no headers, no address, no body. An answer of
 * 500 or more is written at error; a client that goes away before its answer is told at info, without a stack.
 * Health probes are not written (a load balancer asks every few seconds; readiness-log.ts tells their changes).
 *
 * Both are cheap on purpose, as every request pays them. The id is passed to the lines that name it, not found in
 * an AsyncLocalStorage: on Node 20 that hooks every promise the process makes, and cost a quarter of the CPU of
 * serving a query (`{ __typename }` 490-525 µs against 340-390 µs without). The line is one call of the service's
 * pino logger as the answer finishes: pino-http made two child loggers a request and copied every header for
 * its serializers first, another fifth of a small query's CPU.
 */
export function requestLogging(config: Pick<ServiceConfig, 'logging'>, log: PinoLogger): Middleware {
  const assignId = (req: IncomingMessage, res: ServerResponse): string => {
    const id = newRequestId(req);
    (req as IncomingMessage & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    return id;
  };
  if (config.logging.format !== 'json') {
    return (req, res, next) => {
      assignId(req, res);
      next();
    };
  }
  // The line is made here of the method, the path without its query, the status and the time: nothing in it could be
  // a secret, so it is written without the redaction every other line goes through (about 3 KB allocated a line).
  const lines = log.child({}, { redact: [] });
  return (req, res, next) => {
    const reqId = assignId(req, res);
    if (!isHealthProbe(req)) {
      const startedAt = Date.now();
      const answered = () => {
        res.off('finish', answered);
        res.off('close', answered);
        writeLine(lines, req, res, reqId, Date.now() - startedAt);
      };
      res.on('finish', answered);
      res.on('close', answered);
    }
    next();
  };
}

function writeLine(
  log: PinoLogger,
  req: IncomingMessage,
  res: ServerResponse,
  reqId: string,
  responseTime: number,
): void {
  const path = pathOf((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url);
  const line = {
    req: { method: req.method, path },
    res: { statusCode: res.statusCode },
    responseTime,
    reqId,
  };
  if (!res.writableFinished) {
    log.info(line, `${req.method} ${path}: the client went away before the answer`);
  } else if (res.statusCode >= 500) {
    log.error(line, `${req.method} ${path} ${res.statusCode}`);
  } else {
    log.info(line, `${req.method} ${path} ${res.statusCode}`);
  }
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

function isHealthProbe(req: IncomingMessage): boolean {
  return pathOf(req.url).startsWith('/health/');
}
