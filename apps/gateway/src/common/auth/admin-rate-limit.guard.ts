import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { ServiceConfig } from '@invitations/runtime';
import { rateLimited } from '../errors/http-refusal';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { requestOf } from './auth.guard';
import type { AuthenticatedRequest } from './request-principal';

const MINUTE_MS = 60_000;

/**
 * The admin API's rate limits, per organisation and per user (ADMIN_RATE_LIMIT_PER_ORGANISATION and
 * ADMIN_RATE_LIMIT_PER_USER a minute): generous for people and scripts, but no one token, nor one organisation's
 * many admins, can take the service from the others. Counted once per HTTP request (a GraphQL request of several
 * operations is one), after the token is verified (AuthGuard runs first). Over a limit: RATE_LIMITED (429) with
 * Retry-After.
 */
@Injectable()
export class AdminRateLimitGuard implements CanActivate {
  private readonly counted = new WeakSet<AuthenticatedRequest>();

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<ServiceConfig, 'adminRateLimit'>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const principal = request.principal;
    if (!principal || this.counted.has(request)) return true;
    this.counted.add(request);
    const { perOrganisationPerMinute, perUserPerMinute } = this.config.adminRateLimit;
    const organisation = principal.organisationId;
    const limits = [
      { key: `admin-org|${organisation}`, limit: perOrganisationPerMinute, who: 'this organisation' },
      { key: `admin-user|${organisation}|${principal.userId}`, limit: perUserPerMinute, who: 'this user' },
    ];
    for (const { key, limit, who } of limits) {
      const hit = await this.storage.increment(key, MINUTE_MS, limit, MINUTE_MS, 'admin');
      if (hit.isBlocked) {
        const refusal = rateLimited(
          `Too many requests from ${who} (at most ${limit} a minute): try again in ${hit.timeToBlockExpire} seconds.`,
          hit.timeToBlockExpire,
        );
        for (const [name, value] of Object.entries(refusal.headers)) request.res?.setHeader(name, value);
        throw refusal;
      }
    }
    return true;
  }
}
