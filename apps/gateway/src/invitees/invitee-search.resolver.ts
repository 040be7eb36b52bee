import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { InviteeStatus } from '@invitations/domain';
import type { GqlContext } from '../common/auth/request-principal';
import { orgOf } from '../common/graphql/org-of';
import { ReadModels } from '../infrastructure/read-models.service';
import { inviteeConnectionOf } from './invitee.mapper';

/** `searchInvitees`: the organisation's invitees of every batch whose email or names match, in every state. */
@Resolver()
export class InviteeSearchResolver {
  constructor(private readonly readModels: ReadModels) {}

  @Query('searchInvitees')
  async searchInvitees(
    @Args()
    args: { search: string; states?: InviteeStatus[] | null; first: number; after?: string | null },
    @Context() { req }: GqlContext,
  ) {
    const page = await this.readModels.searchInvitees(orgOf(req), {
      search: args.search,
      states: args.states ?? null,
      first: args.first,
      after: args.after ?? null,
    });
    return inviteeConnectionOf(page);
  }
}
