import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { PersonInput } from '@invitations/domain';
import type { GqlContext } from '../auth/request-principal';
import { CorrectInviteeCommand } from '../commands/correct-invitee';
import { RemoveInviteeCommand } from '../commands/remove-invitee';
import { SendInvitationsCommand } from '../commands/send-invitations';
import { ResendInvitationCommand, RevokeInvitationCommand } from '../commands/change-invitation';
import { StageInviteeCommand } from '../commands/stage-invitee';
import { OrganisationScope } from '../application/scope';
import { PersonIntake } from '../application/person-input';
import { PassportDirectory } from '../application/passport-directory';
import { InviteeHistory } from '../queries/history.query';
import { ReadModels } from '../queries/read-models.query';
import { CommandContexts } from './command-context.factory';
import { inviteeFromDoc, inviteeFromState, type InviteeView } from './invitee.mapper';
import { orgOf } from './org-of';

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
    private readonly scope: OrganisationScope,
    private readonly history: InviteeHistory,
    private readonly intake: PersonIntake,
    private readonly passports: PassportDirectory,
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
    orgOf(req);
    const person = this.intake.validate({ email, dateOfBirth }, new Date());
    return { passportExists: (await this.passports.byEmail(person.email)) !== null };
  }

  @Query('invitationHistory')
  invitationHistory(
    @Args('inviteeId') inviteeId: string,
    @Args('asOf') asOf: Date | null,
    @Context() { req }: GqlContext,
  ) {
    return this.history.entries(orgOf(req), inviteeId, asOf);
  }

  @Query('inviteeAsOf')
  async inviteeAsOf(
    @Args('inviteeId') inviteeId: string,
    @Args('asOf') asOf: Date,
    @Context() { req }: GqlContext,
  ) {
    const state = await this.history.stateAsOf(orgOf(req), inviteeId, asOf);
    return state ? inviteeFromState(state) : null;
  }

  @ResolveField('history')
  historyOf(@Parent() invitee: InviteeView, @Context() { req }: GqlContext) {
    return this.history.entries(orgOf(req), invitee.id);
  }

  @Mutation('stageInvitee')
  async stageInvitee(@Args('input') { batchId, ...person }: StageInput, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'stageInvitee');
    const { id } = await this.commands.execute(new StageInviteeCommand(context, batchId, person));
    return this.answer(context.organisationId, id);
  }

  @Mutation('correctInvitee')
  async correctInvitee(
    @Args('input') { inviteeId, ...changes }: CorrectInput,
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'correctInvitee');
    await this.commands.execute(new CorrectInviteeCommand(context, inviteeId, changes));
    return this.answer(context.organisationId, inviteeId);
  }

  @Mutation('removeInvitee')
  removeInvitee(@Args('inviteeId') inviteeId: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'removeInvitee');
    return this.commands.execute(new RemoveInviteeCommand(context, inviteeId));
  }

  @Mutation('sendInvitations')
  async sendInvitations(@Args('input') input: SendInput, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'sendInvitations');
    const outcome = await this.commands.execute(
      new SendInvitationsCommand(
        context,
        input.batchId,
        input.inviteeIds ?? null,
        input.all ?? false,
        input.message ?? null,
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
  async resendInvitation(@Args('inviteeId') inviteeId: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'resendInvitation');
    await this.commands.execute(new ResendInvitationCommand(context, inviteeId));
    return this.answer(context.organisationId, inviteeId);
  }

  @Mutation('revokeInvitation')
  async revokeInvitation(@Args('inviteeId') inviteeId: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'revokeInvitation');
    await this.commands.execute(new RevokeInvitationCommand(context, inviteeId));
    return this.answer(context.organisationId, inviteeId);
  }

  /**
   * The invitee as the mutation left it: from the read model (the handler waited for it to include the write),
   * or, should the projections lag past the wait, rebuilt from the invitee's stream.
   */
  private async answer(organisationId: string, inviteeId: string): Promise<InviteeView> {
    const doc = await this.readModels.invitee(organisationId, inviteeId);
    if (doc) return inviteeFromDoc(doc);
    const view = inviteeFromState(await this.scope.invitee(organisationId, inviteeId));
    if (!view) throw new Error(`invitee ${inviteeId} vanished after its own write`);
    return view;
  }
}
