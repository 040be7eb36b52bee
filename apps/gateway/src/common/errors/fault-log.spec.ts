import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ServiceError } from '@invitations/kernel';
import { JsonLogger } from '../logging/json-log';
import { capturedLog } from '../logging/testing/captured-log';
import { toClientError } from './error-mapping';
import { errorRequestsPlugin, formatGraphQLError } from './format-graphql-error';

/**
 * Nest 12 is published as ES modules only, which jest's CommonJS runtime cannot load: the parts of it the error
 * mapping uses stand in, its Logger writing to the JSON log as the gateway's does (JsonLogger).
 */
const mockLog: { logger: JsonLogger | null } = { logger: null };
jest.mock('@nestjs/common', () => ({
  HttpException: class HttpException extends Error {},
  HttpStatus: {
    BAD_REQUEST: 400,
    UNAUTHORIZED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNPROCESSABLE_ENTITY: 422,
    TOO_MANY_REQUESTS: 429,
    INTERNAL_SERVER_ERROR: 500,
  },
  Logger: class Logger {
    constructor(private readonly context: string) {}
    log(message: unknown) {
      mockLog.logger?.log(message, this.context);
    }
    error(message: unknown) {
      mockLog.logger?.error(message, this.context);
    }
  },
}));

/** A fault of the service is written with its stack and the request it broke; the client sees neither. */
describe('the log line of a fault', () => {
  let captured: ReturnType<typeof capturedLog>;
  beforeEach(() => {
    captured = capturedLog();
    mockLog.logger = new JsonLogger(captured.log);
  });

  it('names the request a REST route failed in, with the stack, and answers a generic error', () => {
    const answer = toClientError(new Error('disk on fire'), 'req-1');
    expect(answer).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', errors: [] });
    expect(captured.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'Errors',
        msg: 'disk on fire',
        reqId: 'req-1',
        stack: expect.stringContaining('fault-log.spec'),
      }),
    ]);
  });

  it('names the GraphQL request a resolver failed in (Apollo formats errors without the request)', async () => {
    const server = new ApolloServer<{ req?: IncomingMessage }>({
      typeDefs: 'type Query { broken: String, refused: String }',
      resolvers: {
        Query: {
          broken: () => {
            throw new Error('disk on fire');
          },
          refused: () => {
            throw new ServiceError('NOT_FOUND', 'No such batch');
          },
        },
      },
      plugins: [errorRequestsPlugin],
      formatError: formatGraphQLError,
    });
    await server.start();
    try {
      const request = (id: string) => ({ id, headers: {} }) as unknown as IncomingMessage;
      const broken = await server.executeOperation(
        { query: '{ broken }' },
        { contextValue: { req: request('req-2') } },
      );
      const refused = await server.executeOperation(
        { query: '{ refused }' },
        { contextValue: { req: request('req-3') } },
      );
      const errorsOf = (response: typeof broken) =>
        response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      expect(errorsOf(broken)).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      ]);
      expect(errorsOf(refused)).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
      // Only the fault is written: a refusal is the client's answer, not the service's fault.
      expect(captured.lines).toEqual([
        expect.objectContaining({
          level: 'error',
          msg: 'disk on fire',
          reqId: 'req-2',
          stack: expect.any(String),
        }),
      ]);
    } finally {
      await server.stop();
    }
  });
});
