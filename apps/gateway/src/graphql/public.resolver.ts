import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { invitationTemplateCsv } from '@invitations/uploads';
import { InvitationPreviews } from '../application/invitation-preview';
import { Public } from '../auth/public.decorator';
import { PublicRateLimitGuard } from '../auth/public-rate-limit.guard';
import type { GqlContext } from '../auth/request-principal';
import { AcceptInvitationCommand } from '../commands/accept-invitation';
import { CommandContexts } from './command-context.factory';

/** The operations an invitee (or anyone) may call without a token. */
@Resolver()
export class PublicResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
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
  async acceptInvitation(@Args('token') token: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAnyone(req, 'acceptInvitation');
    const accepted = await this.commands.execute(new AcceptInvitationCommand(context, token));
    return { ...accepted, state: 'ACCEPTED' };
  }

  @Public()
  @Query('invitationTemplate')
  invitationTemplate() {
    return invitationTemplateCsv();
  }
}
