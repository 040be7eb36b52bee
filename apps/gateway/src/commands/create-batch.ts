import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { batchDecider } from '@invitations/domain';
import { resourcePoolDecider } from '@invitations/domain';
import { batchStreamId, poolStreamId } from '@invitations/domain';
import { handleCommand, loadStream } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { Consistency } from '../application/consistency';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CommandContext, Written } from './command-base';

export class CreateBatchCommand extends Command<Written> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly poolId: string,
    readonly name: string,
  ) {
    super();
  }
}

@CommandHandler(CreateBatchCommand)
export class CreateBatchHandler implements ICommandHandler<CreateBatchCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, poolId, name }: CreateBatchCommand): Promise<Written> {
    const batchId = deriveId(context.commandId, 'batch');
    const { state: pool } = await loadStream(this.store, poolStreamId(poolId), resourcePoolDecider);
    const { position } = await handleCommand(
      this.store,
      batchStreamId(batchId),
      batchDecider,
      () => ({
        type: 'CreateBatch' as const,
        batchId,
        pool: pool.status === 'absent' ? null : { poolId: pool.poolId, organisationId: pool.organisationId },
        organisationId: context.organisationId,
        name,
        now: context.now.toISOString(),
      }),
      context,
    );
    await this.consistency.waitFor(position);
    return { id: batchId };
  }
}
