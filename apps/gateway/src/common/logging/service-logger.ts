import { ConsoleLogger, type LoggerService } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import type { ServiceConfig } from '@invitations/runtime';
import { JsonLogger, nestLevels } from './json-log';

/** The logger Nest writes with, as LOG_FORMAT says. */
export function serviceLogger(config: Pick<ServiceConfig, 'logging'>, log: PinoLogger): LoggerService {
  if (config.logging.format === 'json') return new JsonLogger(log);
  return new ConsoleLogger({ logLevels: nestLevels(config.logging.level) });
}
