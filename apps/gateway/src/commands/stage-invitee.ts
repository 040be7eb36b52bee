import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PersonInput } from '@invitations/domain';
import { requireNamesForNewPerson } from '@invitations/domain';
import { DomainError } from '@invitations/domain';
import { deriveId } from '@invitations/kernel';
import { Consistency } from '../application/consistency';
import { PersonIntake } from '../application/person-input';
import { OrganisationScope } from '../application/scope';
import { Staging } from '../application/staging';
import type { CommandContext, Written } from './command-base';

export class StageInviteeCommand extends Command<Written> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly batchId: string,
    readonly input: PersonInput,
  ) {
    super();
  }
}

/** Stages one person into a batch's Uploaded tab: validated, classified against the passports, then staged. */
@CommandHandler(StageInviteeCommand)
export class StageInviteeHandler implements ICommandHandler<StageInviteeCommand> {
  constructor(
    private readonly scope: OrganisationScope,
    private readonly intake: PersonIntake,
    private readonly staging: Staging,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, batchId, input }: StageInviteeCommand): Promise<Written> {
    const batch = await this.scope.batch(context.organisationId, batchId);
    const person = this.intake.validate(input, context.now);
    const classification = await this.intake.classify(person);
    const missingNames = requireNamesForNewPerson(person, classification);
    if (missingNames.length > 0) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'First and last names are required for a person without a passport.',
        missingNames,
      );
    }
    const inviteeId = deriveId(context.commandId, 'invitee');
    const position = await this.staging.stage({
      batch,
      inviteeId,
      person,
      classification,
      uploadId: null,
      context,
    });
    await this.consistency.waitFor(position);
    return { id: inviteeId };
  }
}
