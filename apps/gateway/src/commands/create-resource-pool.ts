import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { resourcePoolDecider } from '@invitations/domain';
import { poolStreamId } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { Consistency } from '../application/consistency';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CommandContext, Written } from './command-base';

export class CreateResourcePoolCommand extends Command<Written> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly name: string,
  ) {
    super();
  }
}

@CommandHandler(CreateResourcePoolCommand)
export class CreateResourcePoolHandler implements ICommandHandler<CreateResourcePoolCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, name }: CreateResourcePoolCommand): Promise<Written> {
    // The id derives from the command id, so a retried request creates the pool once.
    const poolId = deriveId(context.commandId, 'pool');
    const { position } = await handleCommand(
      this.store,
      poolStreamId(poolId),
      resourcePoolDecider,
      () => ({
        type: 'CreateResourcePool' as const,
        poolId,
        organisationId: context.organisationId,
        name,
        now: context.now.toISOString(),
      }),
      context,
    );
    await this.consistency.waitFor(position);
    return { id: poolId };
  }
}
