import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { declineInvitation } from '@invitations/application';
import { Public } from '../common/auth/public.decorator';
import { PublicRateLimitGuard } from '../common/auth/public-rate-limit.guard';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';

/** Public: the invitee declines with the token from their message; the token stops working. */
@Resolver()
export class DeclineResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Public()
  @UseGuards(PublicRateLimitGuard)
  @Mutation('declineInvitation')
  async declineInvitation(@Args('token') token: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAnyone(req, 'declineInvitation');
    const { inviteeId, poolId } = await this.commands.execute(
      new UseCaseCommand((ports) => declineInvitation(ports, context, token)),
    );
    return { inviteeId, poolId, state: 'DECLINED' };
  }
}
