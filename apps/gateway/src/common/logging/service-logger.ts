import { ConsoleLogger, type LoggerService } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import type { ServiceConfig } from '@invitations/runtime';
import { JsonLogger, nestLevels } from './json-log';
import { asTextLine } from './text-log';

/** The logger Nest writes with, as LOG_FORMAT says. */
export function serviceLogger(config: Pick<ServiceConfig, 'logging'>, log: PinoLogger): LoggerService {
  if (config.logging.format === 'json') return new JsonLogger(log);
  return new TextLogger({ logLevels: nestLevels(config.logging.level) });
}

/**
 * Nest's coloured text, with a line given as fields (a fault's `{msg, reqId, stack}`) written as a message naming its
 * request, and its stack on lines of their own, rather than as an object printed whole.
 */
class TextLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    super.log(asTextLine(message).message, ...rest);
  }
  override warn(message: unknown, ...rest: unknown[]): void {
    super.warn(asTextLine(message).message, ...rest);
  }
  /** Nest calls error(message, stack?, context?); a message given as fields brings its own stack. */
  override error(message: unknown, ...rest: unknown[]): void {
    const { message: text, stack } = asTextLine(message);
    if (stack === undefined) super.error(text, ...rest);
    else super.error(text, stack, ...rest.filter((part) => typeof part === 'string').slice(-1));
  }
}
