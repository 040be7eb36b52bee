import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ServiceError, type ErrorCode, type FieldError } from '@invitations/kernel';
import { HttpRefusal, bodyTooLarge } from './http-refusal';

export interface ClientError {
  code: ErrorCode;
  message: string;
  errors: FieldError[];
  /** The HTTP status when it is not the code's usual one (413 for a body over the limit, for one). */
  status?: number;
  /** Headers the answer carries (Retry-After). */
  headers?: Record<string, string>;
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  CONFLICT: HttpStatus.CONFLICT,
  INVALID_UPLOAD: HttpStatus.UNPROCESSABLE_ENTITY,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

const logger = new Logger('Errors');

/**
 * What a client may see of an error: domain and API errors as they are; anything else becomes a generic
 * INTERNAL_SERVER_ERROR (logged here with its stack and the id of the request it broke, never sent).
 */
export function toClientError(error: unknown, requestId?: string): ClientError {
  if (error instanceof HttpRefusal) {
    const { code, message, errors, status, headers } = error;
    return { code, message, errors, status, headers };
  }
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, errors: error.errors };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // A body over the parser's limit (body-parser's PayloadTooLargeError, which Nest maps to an HttpException).
    if (status === HttpStatus.PAYLOAD_TOO_LARGE)
      return toClientError(bodyTooLarge(limitOf(error)), requestId);
    const code =
      (Object.entries(HTTP_STATUS).find(([, s]) => s === status)?.[0] as ErrorCode) ?? 'BAD_USER_INPUT';
    if (status < 500) return { code, message: error.message, errors: [], status };
  }
  if (isClientGone(error)) {
    // Not a fault of the service: the client closed the connection mid-request (an upload cancelled, a tab shut).
    logger.log({ msg: 'the client went away before the request was read whole', reqId: requestId });
    return {
      code: 'BAD_USER_INPUT',
      message: 'The request was ended by the client.',
      errors: [],
      status: 400,
    };
  }
  logger.error({
    msg: error instanceof Error ? error.message : String(error),
    reqId: requestId,
    stack: error instanceof Error ? error.stack : undefined,
  });
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', errors: [] };
}

/** Node's errors for a request the client stopped sending: "aborted", a reset connection, a stream cut short. */
export function isClientGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'ECONNABORTED' ||
    error.message === 'aborted'
  );
}

/** The limit body-parser refused the body against (its error is the HttpException's cause). */
function limitOf(error: HttpException): number {
  const limit = (error.cause as { limit?: unknown } | undefined)?.limit;
  return typeof limit === 'number' ? limit : 100 * 1024;
}
