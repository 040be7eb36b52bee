import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  extendInvitations,
  resendInvitations,
  revokeInvitations,
  sendReminders,
  type BulkInvitationRequest,
} from '@invitations/application';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';

/**
 * The bulk actions on a batch's invitees: the ids given, or every invitee of the batch in the states given. Each
 * answers how many it applied to and which it skipped, and why; with the same Idempotency-Key, a repeat applies
 * nothing twice.
 */
@Resolver()
export class BulkInvitationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Mutation('resendInvitations')
  async resendInvitations(@Args('input') input: BulkInvitationRequest, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'resendInvitations');
    return this.answer(new UseCaseCommand((ports) => resendInvitations(ports, context, input), context));
  }

  @Mutation('extendInvitations')
  async extendInvitations(
    @Args('input') input: BulkInvitationRequest & { days: number },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'extendInvitations');
    return this.answer(new UseCaseCommand((ports) => extendInvitations(ports, context, input), context));
  }

  @Mutation('revokeInvitations')
  async revokeInvitations(@Args('input') input: BulkInvitationRequest, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'revokeInvitations');
    return this.answer(new UseCaseCommand((ports) => revokeInvitations(ports, context, input), context));
  }

  @Mutation('sendReminders')
  async sendReminders(@Args('input') input: BulkInvitationRequest, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'sendReminders');
    return this.answer(new UseCaseCommand((ports) => sendReminders(ports, context, input), context));
  }

  private async answer(command: UseCaseCommand<Awaited<ReturnType<typeof resendInvitations>>>) {
    const { count, skipped } = await this.commands.execute(command);
    return { count, skipped };
  }
}
