import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Limits how often one client may call the public, token-taking operations (accepting, previewing an invitation,
 * the accept page): tokens cannot be guessed, but nobody should be able to try. One budget per client address,
 * shared by all of those routes (guessing through another route does not get a new budget). The address is the
 * socket's, or the one the trusted proxies (TRUST_PROXY) name: behind a load balancer without TRUST_PROXY every
 * invitee would share the balancer's budget. Over the limit: RATE_LIMITED (HTTP 429) with Retry-After.
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<GqlContextType>() === 'graphql') {
      const { req } = GqlExecutionContext.create(context).getContext<{ req: { res: unknown } }>();
      return { req, res: req.res } as ReturnType<ThrottlerGuard['getRequestResponse']>;
    }
    return super.getRequestResponse(context);
  }

  /** One key per client address and throttler, whatever the route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return createHash('sha256').update(`public-token-routes|${throttler}|${tracker}`).digest('hex');
  }
}
