import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '@invitations/kernel';
import { namedBound } from '../graphql/request-bounds';
import { requestIdOf } from '../logging/request-context';
import { HTTP_STATUS, toClientError } from './error-mapping';

/** Errors graphql-js and Apollo raise themselves (parsing, validation, variables): all are the client's input. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The request each error of an answer broke (Apollo calls formatError without the request). */
const requestOfError = new WeakMap<object, string>();

const notingRequests: GraphQLRequestListener<{ req?: IncomingMessage }> = {
  async didEncounterErrors({ contextValue, errors }) {
    const requestId = contextValue.req ? requestIdOf(contextValue.req) : undefined;
    if (requestId === undefined) return;
    for (const error of errors) {
      const original = unwrapResolverError(error);
      if (typeof original === 'object' && original !== null) requestOfError.set(original, requestId);
    }
  },
};

/**
 * Notes which request each error of an answer broke, before formatError maps it, so that a fault's log line names
 * its request (`reqId`) as the request's own line does.
 */
export const errorRequestsPlugin: ApolloServerPlugin<{ req?: IncomingMessage }> = {
  async requestDidStart() {
    return notingRequests;
  },
};

const isContractCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in HTTP_STATUS;

/**
 * Apollo's formatError: every error carries one of the contract's codes in `extensions.code`, and
 * `extensions.errors` ([{row, field, message}]) for BAD_USER_INPUT and INVALID_UPLOAD. Stack traces never leave.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { locations, path } = formatted;
  if (original instanceof GraphQLError) {
    const code = formatted.extensions?.code;
    const mapped = isContractCode(code)
      ? code
      : REQUEST_ERROR_CODES.has(String(code))
        ? 'BAD_USER_INPUT'
        : null;
    if (mapped)
      return { message: namedBound(formatted.message), locations, path, extensions: { code: mapped } };
  }
  const client = toClientError(
    original,
    typeof original === 'object' && original !== null ? requestOfError.get(original) : undefined,
  );
  const extensions: Record<string, unknown> = { code: client.code };
  if (client.code === 'BAD_USER_INPUT' || client.code === 'INVALID_UPLOAD') extensions.errors = client.errors;
  return { message: client.message, locations, path, extensions };
}
