import { ServiceError } from '@invitations/kernel';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ORG_ADMIN_ROLE } from '@invitations/auth';
import { InvalidTokenError, TokenVerifier } from '@invitations/auth';
import { TOKEN_VERIFIER } from '../../infrastructure/tokens';
import { IS_PUBLIC, REQUIRED_ROLE } from './public.decorator';
import type { AuthenticatedRequest } from './request-principal';

/**
 * Every operation needs `Authorization: Bearer <JWT>` with `sub`, `org` and the `org-admin` role, except those
 * marked @Public(). The verified principal is put on the request for resolvers and controllers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const role = this.reflector.getAllAndOverride<string>(REQUIRED_ROLE, targets) ?? ORG_ADMIN_ROLE;
    const request = requestOf(context);
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ServiceError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <JWT>');
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new ServiceError('UNAUTHENTICATED', error.message);
      throw error;
    }
    if (!request.principal.roles.includes(role)) {
      throw new ServiceError('FORBIDDEN', `This operation needs the ${role} role`);
    }
    return true;
  }
}

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}
