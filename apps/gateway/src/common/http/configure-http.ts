import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger as PinoLogger } from 'pino';
import { ConfigError, type ServiceConfig } from '@invitations/runtime';
import { requestLogging } from '../logging/request-logging';
import { securityHeaders } from './security-headers';

/** The body limit of the JSON and form routes (GraphQL, the accept page's form): a GraphQL document and its variables. */
export const JSON_BODY_LIMIT = '100kb';

/**
 * What every HTTP answer goes through, before any route: the request id and its log line, the security headers,
 * who the client is behind proxies (TRUST_PROXY, for the rate limits), and the body parsers' limits (a body over
 * one answers 413, see error-mapping.ts).
 */
export function configureHttp(app: NestExpressApplication, config: ServiceConfig, log: PinoLogger): void {
  app.disable('x-powered-by');
  // No ETag on answers: each would hash the whole body, and GraphQL answers (POST, no-store) are never revalidated.
  app.set('etag', false);
  try {
    app.set('trust proxy', config.trustProxy);
  } catch (error) {
    throw new ConfigError(`TRUST_PROXY is not a setting Express understands: ${(error as Error).message}`);
  }
  app.use(requestLogging(config, log));
  app.use(securityHeaders());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
}
