import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ServiceError, type ErrorCode, type FieldError } from '@invitations/kernel';

export interface ClientError {
  code: ErrorCode;
  message: string;
  errors: FieldError[];
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
 * INTERNAL_SERVER_ERROR (logged here with its stack, never sent).
 */
export function toClientError(error: unknown): ClientError {
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, errors: error.errors };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code =
      (Object.entries(HTTP_STATUS).find(([, s]) => s === status)?.[0] as ErrorCode) ?? 'BAD_USER_INPUT';
    if (status < 500) return { code, message: error.message, errors: [] };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', errors: [] };
}
