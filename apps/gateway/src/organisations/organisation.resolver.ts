import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  organisationView,
  updateOrganisation,
  type OrganisationChanges,
  type OrganisationView,
} from '@invitations/application';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { reminderDays, wholeDays } from '../common/graphql/whole-days';
import { UseCaseCommand } from '../common/use-case.command';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';

/** The GraphQL `Organisation`: its display name and the invitation terms in force, in whole days. */
export const organisationOf = (view: OrganisationView) => ({
  id: view.id,
  name: view.name,
  invitationTtlDays: wholeDays(view.invitationTtlDays),
  reminderDaysBeforeExpiry: reminderDays(view.reminderDaysBeforeExpiry),
});

@Resolver('Organisation')
export class OrganisationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
  ) {}

  @Query('organisation')
  async organisation(@Context() { req }: GqlContext) {
    return organisationOf(await organisationView(this.ports, orgOf(req)));
  }

  @Mutation('updateOrganisation')
  async updateOrganisation(@Args('input') input: OrganisationChanges, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'updateOrganisation');
    await this.commands.execute(
      new UseCaseCommand((ports) => updateOrganisation(ports, context, input), context),
    );
    return organisationOf(await organisationView(this.ports, context.organisationId));
  }
}
