import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { acceptInvitation } from '@invitations/application';
import { invitationTemplateCsv } from '@invitations/uploads';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';
import { InvitationPreviews } from './invitation-previews';

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
    const { inviteeId, poolId } = await this.commands.execute(
      new UseCaseCommand((ports) => acceptInvitation(ports, context, token)),
    );
    return { inviteeId, poolId, state: 'ACCEPTED' };
  }

  @Public()
  @Query('invitationTemplate')
  invitationTemplate() {
    return invitationTemplateCsv();
  }
}
