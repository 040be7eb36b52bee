import { Command, CommandHandler } from '@nestjs/cqrs';
import { createResourcePool, type AdminContext, type Written } from '@invitations/application';
import { WritingHandler } from '../common/writing-handler';

type PoolCreated = Written & { poolId: string };

export class CreateResourcePoolCommand extends Command<PoolCreated> {
  constructor(
    readonly context: AdminContext,
    readonly name: string,
  ) {
    super();
  }
}

@CommandHandler(CreateResourcePoolCommand)
export class CreateResourcePoolHandler extends WritingHandler<CreateResourcePoolCommand, PoolCreated> {
  protected write({ context, name }: CreateResourcePoolCommand) {
    return createResourcePool(this.ports, context, name);
  }
}
