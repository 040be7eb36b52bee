import { ServiceError } from '@invitations/kernel';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ORG_ADMIN_ROLE, refusalOf, type Principal } from '@invitations/auth';
import { InvalidTokenError, TokenVerifier } from '@invitations/auth';
import type { ServiceConfig } from '@invitations/runtime';
import { SERVICE_CONFIG, TOKEN_VERIFIER } from '../../infrastructure/tokens';
import { ALLOWS_SIGNED_LINK, IS_PUBLIC, REQUIRED_ROLE } from './public.decorator';
import type { AuthenticatedRequest } from './request-principal';

/**
 * Every operation needs `Authorization: Bearer <JWT>` with `sub`, `org`, `exp` and the `org-admin` role (or the
 * role the operation names), except those marked @Public(), and a signed link to a route marked
 * @AllowSignedLink() (the route checks the signature); with JWT_REQUIRE_MFA, a token whose `amr` names a
 * second factor too. The verified principal is put on the request for resolvers and controllers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new WeakMap<AuthenticatedRequest, Promise<Principal>>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const role = this.reflector.getAllAndOverride<string>(REQUIRED_ROLE, targets) ?? ORG_ADMIN_ROLE;
    const request = requestOf(context);
    if (this.reflector.getAllAndOverride<boolean>(ALLOWS_SIGNED_LINK, targets) && signedLink(request))
      return true;
    request.principal = await this.principalOf(request);
    const refusal = refusalOf(request.principal, role, { requireSecondFactor: this.config.jwt.requireMfa });
    if (refusal !== null) throw new ServiceError('FORBIDDEN', refusal);
    return true;
  }

  /**
   * The request's token, verified once: a GraphQL request runs the guard for each resolver it reaches (a batch, its
   * counts, its tab), and all of them share the one verification.
   */
  private principalOf(request: AuthenticatedRequest): Promise<Principal> {
    let verified = this.verified.get(request);
    if (verified === undefined) {
      verified = this.verify(request);
      this.verified.set(request, verified);
    }
    return verified;
  }

  private async verify(request: AuthenticatedRequest): Promise<Principal> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ServiceError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <JWT>');
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new ServiceError('UNAUTHENTICATED', error.message);
      throw error;
    }
  }
}

/** A request that carries a link's signature (and no token: a token, when sent, is checked as usual). */
function signedLink(request: AuthenticatedRequest): boolean {
  return typeof request.query?.signature === 'string' && request.headers.authorization === undefined;
}

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}
