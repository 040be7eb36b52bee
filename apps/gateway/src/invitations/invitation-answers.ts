import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { acceptInvitation, declineInvitation } from '@invitations/application';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';

/** The use case of each answer, under the operation its command id is derived from. */
const ANSWERS = {
  ACCEPTED: { operation: 'acceptInvitation', useCase: acceptInvitation },
  DECLINED: { operation: 'declineInvitation', useCase: declineInvitation },
} as const;

export type InvitationAnswer = keyof typeof ANSWERS;

export interface AnsweredInvitation {
  inviteeId: string;
  poolId: string;
  state: InvitationAnswer;
}

/**
 * The invitee's answer to an invitation, given with the token from their message: the accept page's form posts and
 * the public mutations both answer through here, so the two ways in run the same command.
 */
@Injectable()
export class InvitationAnswers {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
  ) {}

  async answer(
    req: AuthenticatedRequest,
    answer: InvitationAnswer,
    token: string,
  ): Promise<AnsweredInvitation> {
    const { operation, useCase } = ANSWERS[answer];
    const context = this.contexts.forAnyone(req, operation);
    const { inviteeId, poolId } = await this.commands.execute(
      new UseCaseCommand((ports) => useCase(ports, context, token), context),
    );
    return { inviteeId, poolId, state: answer };
  }
}
