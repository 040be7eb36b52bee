import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as PinoLogger } from 'pino';
import type { LogLevel, ServiceConfig } from '@invitations/runtime';

/** Nest's names for the levels (written here, not imported: this file is loaded without Nest in the tests). */
type NestLevel = 'verbose' | 'debug' | 'log' | 'warn' | 'error' | 'fatal';

/**
 * Where a log line must never carry a secret: tokens in headers (the bearer token, cookies, an idempotency key)
 * are written as [redacted] if a line ever holds a request's headers.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'req.headers["webhook-signature"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.token',
];

/**
 * The service's log: JSON lines (pino) with the level, time, the writing part (`context`) and, on the lines about
 * a request, its id (`reqId`), or Nest's coloured text for a developer's terminal (LOG_FORMAT=text, the default
 * outside production).
 */
export function createServiceLog(
  config: Pick<ServiceConfig, 'logging'>,
  destination?: pino.DestinationStream,
): PinoLogger {
  return pino(
    {
      level: config.logging.level,
      base: { service: 'invitation-gateway' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? bufferedStdout(),
  );
}

/** Writes what the log holds at once (at shutdown: nothing may wait in its buffer when the process exits). */
export function flushLogSync(log: PinoLogger): void {
  const destination = (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as {
    flushSync?: () => void;
  };
  try {
    destination.flushSync?.();
  } catch {
    // Nothing buffered, or the destination already closed: nothing is lost.
  }
}

/** How long a log line may wait in the buffer before it is written. */
const FLUSH_INTERVAL_MS = 250;

/**
 * Standard output, written 4 KB at a time rather than once a line (a write per request cost about a tenth of a busy
 * gateway's time), and at least every FLUSH_INTERVAL_MS, so that a line waits a moment at most; pino flushes what is
 * left at exit.
 */
function bufferedStdout(): pino.DestinationStream {
  const destination = pino.destination({ sync: false, minLength: 4096 });
  // With a callback, flushing a destination closed at exit reports rather than throws.
  setInterval(() => destination.flush(() => undefined), FLUSH_INTERVAL_MS).unref();
  return destination;
}

/** Nest's LoggerService writing to the JSON log: `message` and `context`, and an error's stack as `stack`. */
export class JsonLogger implements LoggerService {
  constructor(private readonly pino: PinoLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  /** Nest calls error(message, stack?, context?); a message may also be the line's fields (`{msg, reqId, stack}`). */
  error(message: unknown, ...rest: unknown[]): void {
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = { context, ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino.error({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino.error({ ...fields, ...message });
    else this.pino.error(fields, String(message));
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      this.pino[level]({ context, ...message });
    } else {
      this.pino[level]({ context }, String(message));
    }
  }
}

/** Nest's levels from the lowest one written. */
export function nestLevels(level: LogLevel): NestLevel[] {
  const order: NestLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
  const from = { debug: 'debug', info: 'log', warn: 'warn', error: 'error' }[level] as NestLevel;
  return order.slice(order.indexOf(from));
}
