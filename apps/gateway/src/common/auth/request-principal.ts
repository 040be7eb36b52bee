import type { Request } from 'express';
import type { Principal } from '@invitations/auth';

/** The HTTP request, with the principal the auth guard verified (absent on public operations). */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export interface GqlContext {
  req: AuthenticatedRequest;
}
