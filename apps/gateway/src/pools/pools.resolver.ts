import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { createResourcePool } from '@invitations/application';
import { batchView } from '../batches/batch.view';
import { poolView, type PoolView } from './pool.view';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { ReadModels, required } from '../infrastructure/read-models.service';
import { UseCaseCommand } from '../common/use-case.command';

@Resolver('ResourcePool')
export class PoolsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly readModels: ReadModels,
  ) {}

  @Query('resourcePools')
  async resourcePools(@Context() { req }: GqlContext) {
    return (await this.readModels.pools(orgOf(req))).map(poolView);
  }

  @Query('resourcePool')
  async resourcePool(@Args('id') id: string, @Context() { req }: GqlContext) {
    const doc = await this.readModels.pool(orgOf(req), id);
    return doc ? poolView(doc) : null;
  }

  @Mutation('createResourcePool')
  async createResourcePool(@Args('input') input: { name: string }, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'createResourcePool');
    const { poolId: id } = await this.commands.execute(
      new UseCaseCommand((ports) => createResourcePool(ports, context, input.name), context),
    );
    return poolView(required(await this.readModels.pool(context.organisationId, id), `pool ${id}`));
  }

  @ResolveField('batches')
  async batches(@Parent() pool: PoolView) {
    const docs = await this.readModels.batches(pool.organisationId, pool.id);
    return docs.map(batchView);
  }

  @ResolveField('memberCount')
  memberCount(@Parent() pool: PoolView) {
    return this.readModels.memberCount(pool.organisationId, pool.id);
  }
}
