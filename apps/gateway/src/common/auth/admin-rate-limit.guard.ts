import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ServiceConfig } from '@invitations/runtime';
import { rateLimited } from '../errors/http-refusal';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { requestOf } from './auth.guard';
import type { AuthenticatedRequest } from './request-principal';

/**
 * The admin API's rate limits, per organisation and per user (ADMIN_RATE_LIMIT_PER_ORGANISATION and
 * ADMIN_RATE_LIMIT_PER_USER a minute): generous for people and scripts, but no one token, nor one organisation's
 * many admins, can take the service from the others. Counted once per HTTP request (a GraphQL request of several
 * operations is one), after the token is verified (AuthGuard runs first). Over a limit: RATE_LIMITED (429) with
 * Retry-After.
 *
 * Counted by rate-limiter-flexible's in-memory limiter: one counter a key and a minute (a fixed window), so a request
 * costs the same whatever the limit, where a list of every hit's time (the throttler's own storage) is filtered on
 * each request and grows with the limit.
 */
@Injectable()
export class AdminRateLimitGuard implements CanActivate {
  private readonly counted = new WeakSet<AuthenticatedRequest>();
  private readonly perOrganisation: RateLimiterMemory;
  private readonly perUser: RateLimiterMemory;

  constructor(@Inject(SERVICE_CONFIG) config: Pick<ServiceConfig, 'adminRateLimit'>) {
    const { perOrganisationPerMinute, perUserPerMinute } = config.adminRateLimit;
    this.perOrganisation = new RateLimiterMemory({
      keyPrefix: 'admin-org',
      points: perOrganisationPerMinute,
      duration: 60,
    });
    this.perUser = new RateLimiterMemory({ keyPrefix: 'admin-user', points: perUserPerMinute, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const principal = request.principal;
    if (!principal || this.counted.has(request)) return true;
    this.counted.add(request);
    const organisation = principal.organisationId;
    const limits = [
      { limiter: this.perOrganisation, key: organisation, who: 'this organisation' },
      { limiter: this.perUser, key: `${organisation}|${principal.userId}`, who: 'this user' },
    ];
    for (const { limiter, key, who } of limits) {
      try {
        await limiter.consume(key);
      } catch (over) {
        if (!(over instanceof RateLimiterRes)) throw over;
        const seconds = Math.max(1, Math.ceil(over.msBeforeNext / 1000));
        const refusal = rateLimited(
          `Too many requests from ${who} (at most ${limiter.points} a minute): try again in ${seconds} seconds.`,
          seconds,
        );
        for (const [name, value] of Object.entries(refusal.headers)) request.res?.setHeader(name, value);
        throw refusal;
      }
    }
    return true;
  }
}
