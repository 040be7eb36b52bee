import { connectionOf } from '../common/graphql/connection';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { removeMember, updateResourcePool } from '@invitations/application';
import { memberId, type InviteeDoc } from '@invitations/read-models';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';
import { ReadModels } from '../infrastructure/read-models.service';
import { poolView, type PoolView } from './pool.view';

/** The GraphQL `Member`: a person accepted into the pool, as their invitee shows them. */
const memberOf = (doc: InviteeDoc) => ({
  id: memberId(doc.poolId, doc.passportId ?? doc._id),
  poolId: doc.poolId,
  email: doc.email,
  firstName: doc.firstName,
  lastName: doc.lastName,
  preferredName: doc.preferredName,
  mobile: doc.mobile,
  joinedAt: doc.acceptedAt,
  inviteeId: doc._id,
});

/** A pool's members (paged, searchable), taking one out, and renaming the pool. */
@Resolver('ResourcePool')
export class MembersResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly readModels: ReadModels,
  ) {}

  @ResolveField('members')
  async members(
    @Parent() pool: PoolView,
    @Args() args: { first: number; after?: string | null; search?: string | null },
  ) {
    const page = await this.readModels.members(pool.organisationId, pool.id, {
      first: args.first,
      after: args.after ?? null,
      search: args.search ?? null,
    });
    return connectionOf(page, memberOf);
  }

  @Mutation('removeMember')
  async removeMember(
    @Args('input') input: { poolId: string; memberId: string },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'removeMember');
    await this.commands.execute(
      new UseCaseCommand((ports) => removeMember(ports, context, input.poolId, input.memberId)),
    );
    return this.answer(context.organisationId, input.poolId);
  }

  @Mutation('updateResourcePool')
  async updateResourcePool(
    @Args('input') input: { poolId: string; name: string },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'updateResourcePool');
    await this.commands.execute(
      new UseCaseCommand((ports) => updateResourcePool(ports, context, input.poolId, input.name)),
    );
    return this.answer(context.organisationId, input.poolId);
  }

  private async answer(organisationId: string, poolId: string) {
    const doc = await this.readModels.pool(organisationId, poolId);
    if (!doc) throw new Error(`pool ${poolId} is not in the read model after its own write`);
    return poolView(doc);
  }
}
