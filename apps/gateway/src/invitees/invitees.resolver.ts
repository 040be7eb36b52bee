import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  auditRecord,
  correctInvitee,
  deliveriesAsOf,
  eraseInvitee,
  removeInvitee,
  resendInvitation,
  revokeInvitation,
  sendInvitations,
  stageInvitee,
  inviteeOfOrganisation,
  inviteePastInOrganisation,
  inviteeStateFrom,
  validatedPerson,
  type AdminContext,
  type Written,
} from '@invitations/application';
import type { PersonInput } from '@invitations/domain';
import type { AuthenticatedRequest, GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { ReadModels } from '../infrastructure/read-models.service';
import { auditEntry } from './audit-entry';
import { UseCaseCommand } from '../common/use-case.command';
import { inviteeFromDoc, inviteeFromState, type InviteeNode } from './invitee.mapper';

type StageInput = PersonInput & { batchId: string };
type CorrectInput = PersonInput & { inviteeId: string };
interface SendInput {
  batchId: string;
  inviteeIds?: string[] | null;
  all?: boolean | null;
  message?: string | null;
}

@Resolver('Invitee')
export class InviteesResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly readModels: ReadModels,
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
  ) {}

  @Query('invitee')
  async invitee(@Args('id') id: string, @Context() { req }: GqlContext) {
    const doc = await this.readModels.invitee(orgOf(req), id);
    return doc ? inviteeFromDoc(doc) : null;
  }

  @Query('checkPersonnel')
  async checkPersonnel(
    @Args('email') email: string,
    @Args('dateOfBirth') dateOfBirth: string,
    @Context() { req }: GqlContext,
  ) {
    const organisationId = orgOf(req);
    const now = new Date();
    const person = validatedPerson({ email, dateOfBirth }, this.ports.settings, now);
    await this.ports.passportMatches.spend(organisationId, 1, now);
    return { passportExists: (await this.ports.passports.byEmail(person.email)) !== null };
  }

  @Query('invitationHistory')
  async invitationHistory(
    @Args('inviteeId') inviteeId: string,
    @Args('asOf') asOf: Date | null,
    @Context() { req }: GqlContext,
  ) {
    const events = await inviteePastInOrganisation(this.ports.store, orgOf(req), inviteeId, asOf ?? null);
    return events.map((event) => auditEntry(auditRecord(event)));
  }

  @Query('inviteeAsOf')
  async inviteeAsOf(
    @Args('inviteeId') inviteeId: string,
    @Args('asOf') asOf: Date,
    @Context() { req }: GqlContext,
  ) {
    const organisationId = orgOf(req);
    const events = await inviteePastInOrganisation(this.ports.store, organisationId, inviteeId, asOf);
    const state = inviteeStateFrom(events);
    if (state.status === 'absent') return null;
    // The invitee's messages, each rebuilt from its own stream as it stood then; the read model knows their ids.
    const messageIds = (await this.readModels.invitee(organisationId, inviteeId))?.deliveries ?? [];
    const deliveries = await deliveriesAsOf(
      this.ports.store,
      messageIds.map((delivery) => delivery.messageId),
      asOf,
    );
    return inviteeFromState(state, deliveries);
  }

  @ResolveField('history')
  historyOf(@Parent() invitee: InviteeNode, @Context() { req }: GqlContext) {
    return this.invitationHistory(invitee.id, null, { req });
  }

  @Mutation('stageInvitee')
  async stageInvitee(@Args('input') { batchId, ...person }: StageInput, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'stageInvitee');
    const { inviteeId } = await this.commands.execute(
      new UseCaseCommand((ports) => stageInvitee(ports, context, batchId, person), context),
    );
    return this.answer(context.organisationId, inviteeId);
  }

  @Mutation('correctInvitee')
  correctInvitee(@Args('input') { inviteeId, ...changes }: CorrectInput, @Context() { req }: GqlContext) {
    return this.change(req, 'correctInvitee', inviteeId, (ports, context) =>
      correctInvitee(ports, context, inviteeId, changes),
    );
  }

  @Mutation('removeInvitee')
  async removeInvitee(@Args('inviteeId') inviteeId: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'removeInvitee');
    await this.commands.execute(
      new UseCaseCommand((ports) => removeInvitee(ports, context, inviteeId), context),
    );
    return true;
  }

  @Mutation('eraseInvitee')
  async eraseInvitee(@Args('inviteeId') inviteeId: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'eraseInvitee');
    const { erasedAt } = await this.commands.execute(
      new UseCaseCommand((ports) => eraseInvitee(ports, context, inviteeId), context),
    );
    return { inviteeId, erasedAt };
  }

  @Mutation('sendInvitations')
  async sendInvitations(@Args('input') input: SendInput, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'sendInvitations');
    const outcome = await this.commands.execute(
      new UseCaseCommand(
        (ports) =>
          sendInvitations(ports, context, {
            batchId: input.batchId,
            inviteeIds: input.inviteeIds ?? null,
            all: input.all ?? false,
            message: input.message ?? null,
          }),
        context,
      ),
    );
    const answer = (ids: string[]) => Promise.all(ids.map((id) => this.answer(context.organisationId, id)));
    return {
      invited: await answer(outcome.invited),
      autoAccepted: await answer(outcome.autoAccepted),
      skipped: outcome.skipped,
    };
  }

  @Mutation('resendInvitation')
  resendInvitation(@Args('inviteeId') inviteeId: string, @Context() { req }: GqlContext) {
    return this.change(req, 'resendInvitation', inviteeId, resendInvitation);
  }

  @Mutation('revokeInvitation')
  revokeInvitation(@Args('inviteeId') inviteeId: string, @Context() { req }: GqlContext) {
    return this.change(req, 'revokeInvitation', inviteeId, revokeInvitation);
  }

  /** Runs a use case that changes one invitee as the request's admin, then answers the invitee as it left them. */
  private async change(
    req: AuthenticatedRequest,
    operation: string,
    inviteeId: string,
    change: (ports: ApplicationPorts, context: AdminContext, inviteeId: string) => Promise<Written>,
  ): Promise<InviteeNode> {
    const context = this.contexts.forAdmin(req, operation);
    await this.commands.execute(new UseCaseCommand((ports) => change(ports, context, inviteeId), context));
    return this.answer(context.organisationId, inviteeId);
  }

  /**
   * The invitee as the mutation left it: from the read model (the handler waited for it to include the write),
   * or, should the projections lag past the wait, rebuilt from the invitee's stream.
   */
  private async answer(organisationId: string, inviteeId: string): Promise<InviteeNode> {
    const doc = await this.readModels.invitee(organisationId, inviteeId);
    if (doc) return inviteeFromDoc(doc);
    const view = inviteeFromState(await inviteeOfOrganisation(this.ports.store, organisationId, inviteeId));
    if (!view) throw new Error(`invitee ${inviteeId} vanished after its own write`);
    return view;
  }
}
