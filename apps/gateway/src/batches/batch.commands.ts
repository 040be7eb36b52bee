import { Command, CommandHandler } from '@nestjs/cqrs';
import { createInvitationBatch, type AdminContext, type Written } from '@invitations/application';
import { WritingHandler } from '../common/writing-handler';

type BatchCreated = Written & { batchId: string };

export class CreateBatchCommand extends Command<BatchCreated> {
  constructor(
    readonly context: AdminContext,
    readonly poolId: string,
    readonly name: string,
  ) {
    super();
  }
}

@CommandHandler(CreateBatchCommand)
export class CreateBatchHandler extends WritingHandler<CreateBatchCommand, BatchCreated> {
  protected write({ context, poolId, name }: CreateBatchCommand) {
    return createInvitationBatch(this.ports, context, poolId, name);
  }
}
