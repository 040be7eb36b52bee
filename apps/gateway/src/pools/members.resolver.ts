import { connectionOf } from '../common/graphql/connection';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { removeMember, updateResourcePool, type AdminContext, type Written } from '@invitations/application';
import { memberId, type InviteeDoc } from '@invitations/read-models';
import type { AuthenticatedRequest, GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';
import type { ApplicationPorts } from '../infrastructure/application-ports';
import { ReadModels, required } from '../infrastructure/read-models.service';
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

interface RemoveMemberInput {
  poolId: string;
  memberId: string;
}

interface RenamePoolInput {
  poolId: string;
  name: string;
}

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
  removeMember(@Args('input') input: RemoveMemberInput, @Context() { req }: GqlContext) {
    return this.changePool(req, 'removeMember', input.poolId, (ports, context) =>
      removeMember(ports, context, input.poolId, input.memberId),
    );
  }

  @Mutation('updateResourcePool')
  updateResourcePool(@Args('input') input: RenamePoolInput, @Context() { req }: GqlContext) {
    return this.changePool(req, 'updateResourcePool', input.poolId, (ports, context) =>
      updateResourcePool(ports, context, input.poolId, input.name),
    );
  }

  /** Runs a use case that changes the pool as the request's admin, then answers the pool as the change left it. */
  private async changePool(
    req: AuthenticatedRequest,
    operation: string,
    poolId: string,
    change: (ports: ApplicationPorts, context: AdminContext) => Promise<Written>,
  ) {
    const context = this.contexts.forAdmin(req, operation);
    await this.commands.execute(new UseCaseCommand((ports) => change(ports, context), context));
    return poolView(required(await this.readModels.pool(context.organisationId, poolId), `pool ${poolId}`));
  }
}
