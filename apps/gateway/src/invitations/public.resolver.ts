import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { invitationTemplateCsv } from '@invitations/uploads';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { GqlContext } from '../common/auth/request-principal';
import { InvitationAnswers } from './invitation-answers';
import { InvitationPreviews } from './invitation-previews';

/** The operations an invitee (or anyone) may call without a token. */
@Resolver()
export class PublicResolver {
  constructor(
    private readonly answers: InvitationAnswers,
    private readonly previews: InvitationPreviews,
  ) {}

  @Public()
  @UseGuards(PublicRateLimitGuard)
  @Query('invitationByToken')
  invitationByToken(@Args('token') token: string) {
    return this.previews.preview(token);
  }

  @Public()
  @UseGuards(PublicRateLimitGuard)
  @Mutation('acceptInvitation')
  acceptInvitation(@Args('token') token: string, @Context() { req }: GqlContext) {
    return this.answers.answer(req, 'ACCEPTED', token);
  }

  @Public()
  @Query('invitationTemplate')
  invitationTemplate() {
    return invitationTemplateCsv();
  }
}
