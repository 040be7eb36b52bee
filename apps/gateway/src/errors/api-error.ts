import type { FieldError } from '@invitations/domain';

/** The contract's error codes (GraphQL `extensions.code`). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_UPLOAD'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** An error the API reports as is: its code and message (and field errors) reach the client. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}
