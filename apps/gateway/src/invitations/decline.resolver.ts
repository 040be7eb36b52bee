import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { GqlContext } from '../common/auth/request-principal';
import { InvitationAnswers } from './invitation-answers';

/** Public: the invitee declines with the token from their message; the token stops working. */
@Resolver()
export class DeclineResolver {
  constructor(private readonly answers: InvitationAnswers) {}

  @Public()
  @UseGuards(PublicRateLimitGuard)
  @Mutation('declineInvitation')
  declineInvitation(@Args('token') token: string, @Context() { req }: GqlContext) {
    return this.answers.answer(req, 'DECLINED', token);
  }
}
