import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { organisationView, updateInvitationBatch, type BatchChanges } from '@invitations/application';
import { invitationTermsOf, type DeliveryStatus, type InviteeStatus } from '@invitations/domain';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { reminderDays, wholeDays } from '../common/graphql/whole-days';
import { UseCaseCommand } from '../common/use-case.command';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { ReadModels, required } from '../infrastructure/read-models.service';
import { inviteeConnectionOf } from '../invitees/invitee.mapper';
import { batchView, type BatchView } from './batch.view';

interface InviteesArgs {
  first: number;
  after?: string | null;
  search?: string | null;
  states?: InviteeStatus[] | null;
  /** The delivery status of their current invitation: e.g. the undeliverable, for a resend. */
  delivery?: DeliveryStatus[] | null;
}

/** A batch's invitees in any state, its invitation terms, and renaming it or setting its terms. */
@Resolver('InvitationBatch')
export class BatchLifecycleResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly readModels: ReadModels,
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
  ) {}

  @ResolveField('invitees')
  async invitees(@Parent() batch: BatchView, @Args() args: InviteesArgs) {
    const page = await this.readModels.inviteesInStates(batch.organisationId, batch.id, {
      states: args.states ?? null,
      delivery: args.delivery ?? null,
      first: args.first,
      after: args.after ?? null,
      search: args.search ?? null,
    });
    return inviteeConnectionOf(page);
  }

  @ResolveField('invitationTtlDays')
  async invitationTtlDays(@Parent() batch: BatchView) {
    return wholeDays((await this.terms(batch)).invitationTtlDays);
  }

  @ResolveField('reminderDaysBeforeExpiry')
  async reminderDaysBeforeExpiry(@Parent() batch: BatchView) {
    return reminderDays((await this.terms(batch)).reminderDaysBeforeExpiry);
  }

  @Mutation('updateInvitationBatch')
  async updateInvitationBatch(
    @Args('input') { batchId, ...changes }: BatchChanges & { batchId: string },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'updateInvitationBatch');
    await this.commands.execute(
      new UseCaseCommand((ports) => updateInvitationBatch(ports, context, batchId, changes), context),
    );
    return batchView(
      required(await this.readModels.batch(context.organisationId, batchId), `batch ${batchId}`),
    );
  }

  /** The batch's own terms, else its organisation's, else the service's defaults. */
  private async terms(batch: BatchView) {
    const organisation = await organisationView(this.ports, batch.organisationId);
    return invitationTermsOf(organisation, batch);
  }
}
