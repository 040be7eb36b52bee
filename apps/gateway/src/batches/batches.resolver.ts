import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { Clock } from '@invitations/kernel';
import { createInvitationBatch } from '@invitations/application';
import { batchView, type BatchView } from './batch.view';
import { poolView } from '../pools/pool.view';
import type { UploadStatus } from '@invitations/domain';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { inviteeConnectionOf } from '../invitees/invitee.mapper';
import { ReadModels, required, type Tab } from '../infrastructure/read-models.service';
import { UseCaseCommand } from '../common/use-case.command';
import { CLOCK } from '../infrastructure/tokens';
import { uploadFromDoc } from '../uploads/upload-preview.view';

interface TabArgs {
  first: number;
  after?: string | null;
  status?: UploadStatus | null;
  search?: string | null;
}

@Resolver('InvitationBatch')
export class BatchesResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query('invitationBatch')
  async invitationBatch(@Args('id') id: string, @Context() { req }: GqlContext) {
    const doc = await this.readModels.batch(orgOf(req), id);
    return doc ? batchView(doc) : null;
  }

  @Mutation('createInvitationBatch')
  async createInvitationBatch(
    @Args('input')
    input: {
      poolId: string;
      name: string;
      invitationTtlDays?: number | null;
      reminderDaysBeforeExpiry?: number | null;
    },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'createInvitationBatch');
    const { poolId, name, ...terms } = input;
    const { batchId: id } = await this.commands.execute(
      new UseCaseCommand((ports) => createInvitationBatch(ports, context, poolId, name, terms), context),
    );
    return batchView(required(await this.readModels.batch(context.organisationId, id), `batch ${id}`));
  }

  @ResolveField('pool')
  async pool(@Parent() batch: BatchView) {
    const doc = await this.readModels.pool(batch.organisationId, batch.poolId);
    return poolView(required(doc, `pool ${batch.poolId} of batch ${batch.id}`));
  }

  @ResolveField('counts')
  counts(@Parent() batch: BatchView) {
    return this.readModels.counts(batch.organisationId, batch.id);
  }

  @ResolveField('uploaded')
  uploaded(@Parent() batch: BatchView, @Args() args: TabArgs) {
    return this.page(batch, 'UPLOADED', args);
  }

  @ResolveField('invited')
  invited(@Parent() batch: BatchView, @Args() args: TabArgs) {
    return this.page(batch, 'INVITED', { ...args, status: null });
  }

  @ResolveField('accepted')
  accepted(@Parent() batch: BatchView, @Args() args: TabArgs) {
    return this.page(batch, 'ACCEPTED', { ...args, status: null });
  }

  /** The batch's uploads, newest first, each with where it stands and its confirmation. */
  @ResolveField('uploads')
  async uploads(@Parent() batch: BatchView) {
    const now = this.clock.now();
    return (await this.readModels.uploadsOfBatch(batch.organisationId, batch.id)).map((doc) =>
      uploadFromDoc(doc, now),
    );
  }

  private async page(batch: BatchView, tab: Tab, args: TabArgs) {
    const page = await this.readModels.tab(batch.organisationId, batch.id, tab, {
      first: args.first,
      after: args.after ?? null,
      status: args.status ?? null,
      search: args.search ?? null,
    });
    return inviteeConnectionOf(page);
  }
}
