import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Limits how often one client may call the public, token-taking operations (accepting, previewing an invitation):
 * tokens cannot be guessed, but nobody should be able to try. Over the limit: RATE_LIMITED (HTTP 429).
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
}
