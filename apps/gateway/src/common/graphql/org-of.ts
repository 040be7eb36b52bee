import { ServiceError } from '@invitations/kernel';
import type { AuthenticatedRequest } from '../auth/request-principal';

/** The admin's organisation: every query is scoped to it. */
export function orgOf(req: AuthenticatedRequest): string {
  if (!req.principal)
    throw new ServiceError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <JWT>');
  return req.principal.organisationId;
}
