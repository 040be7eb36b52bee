import { Command, CommandHandler } from '@nestjs/cqrs';
import {
  correctInvitee,
  removeInvitee,
  stageInvitee,
  type AdminContext,
  type Written,
} from '@invitations/application';
import type { PersonInput } from '@invitations/domain';
import { WritingHandler } from '../common/writing-handler';

type Staged = Written & { inviteeId: string };

export class StageInviteeCommand extends Command<Staged> {
  constructor(
    readonly context: AdminContext,
    readonly batchId: string,
    readonly input: PersonInput,
  ) {
    super();
  }
}

@CommandHandler(StageInviteeCommand)
export class StageInviteeHandler extends WritingHandler<StageInviteeCommand, Staged> {
  protected write({ context, batchId, input }: StageInviteeCommand) {
    return stageInvitee(this.ports, context, batchId, input);
  }
}

export class CorrectInviteeCommand extends Command<Written> {
  constructor(
    readonly context: AdminContext,
    readonly inviteeId: string,
    /** Only the fields given change; null or an empty string clears an optional field. */
    readonly changes: PersonInput,
  ) {
    super();
  }
}

@CommandHandler(CorrectInviteeCommand)
export class CorrectInviteeHandler extends WritingHandler<CorrectInviteeCommand, Written> {
  protected write({ context, inviteeId, changes }: CorrectInviteeCommand) {
    return correctInvitee(this.ports, context, inviteeId, changes);
  }
}

export class RemoveInviteeCommand extends Command<Written> {
  constructor(
    readonly context: AdminContext,
    readonly inviteeId: string,
  ) {
    super();
  }
}

@CommandHandler(RemoveInviteeCommand)
export class RemoveInviteeHandler extends WritingHandler<RemoveInviteeCommand, Written> {
  protected write({ context, inviteeId }: RemoveInviteeCommand) {
    return removeInvitee(this.ports, context, inviteeId);
  }
}
