import type { AuthenticatedRequest } from '../auth/request-principal';
import { ApiError } from '../errors/api-error';

/** The admin's organisation: every query is scoped to it. */
export function orgOf(req: AuthenticatedRequest): string {
  if (!req.principal)
    throw new ApiError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <JWT>');
  return req.principal.organisationId;
}
