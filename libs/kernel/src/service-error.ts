/**
 * The codes a refusal carries to the client (GraphQL `extensions.code`, the REST answer's `code`), as the contract
 * names them:
 * - NOT_FOUND: the thing does not exist (or belongs to another organisation: never say which).
 * - BAD_USER_INPUT: the request is malformed or not allowed in this state for a reason the user can fix.
 * - CONFLICT: the request lost a race or collides with the current state (already staged, already invited...).
 * - INVALID_UPLOAD: a bulk upload's file cannot be staged (every error listed by row and field).
 * - UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED: who asks, and how often.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_UPLOAD'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** A problem with one field of the input (and, for bulk uploads, one row). */
export interface FieldError {
  /** The spreadsheet line of a bulk upload's row; absent otherwise. */
  row?: number;
  /** The input field, e.g. "email" or "dateOfBirth" (or the CSV column for uploads). */
  field?: string;
  message: string;
}

/**
 * Why the service refused a request, told to the client as it is: a contract code, a message for a person (never
 * personal data the asker did not give), and the fields at fault. Anything else that fails is an internal error.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}
