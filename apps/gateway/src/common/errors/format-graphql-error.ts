import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '@invitations/kernel';
import { namedBound } from '../graphql/request-bounds';
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
  const client = toClientError(original);
  const extensions: Record<string, unknown> = { code: client.code };
  if (client.code === 'BAD_USER_INPUT' || client.code === 'INVALID_UPLOAD') extensions.errors = client.errors;
  return { message: client.message, locations, path, extensions };
}
