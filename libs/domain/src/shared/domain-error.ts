/**
 * Why a command was refused. The codes map one to one onto the contract's GraphQL error codes.
 * - NOT_FOUND: the thing does not exist (or belongs to another organisation: never say which).
 * - BAD_USER_INPUT: the command is malformed or not allowed in this state for a reason the user can fix.
 * - CONFLICT: the command lost a race or collides with the current state (already staged, already invited...).
 */
export type DomainErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

export interface FieldError {
  /** 1-based data row, for bulk uploads; absent otherwise. */
  row?: number;
  /** The input field, e.g. "email" or "dateOfBirth" (or the CSV column for uploads). */
  field?: string;
  message: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The one message for any token that cannot be used: unknown, expired, revoked, superseded. Reveals nothing. */
export const UNUSABLE_TOKEN_MESSAGE =
  'This invitation link is not valid. Ask the organisation that invited you to send a new one.';
