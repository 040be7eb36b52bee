import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefusedAfterWriting, type Written } from '@invitations/application';
import type { CommandContext } from '@invitations/kernel';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { Consistency } from '../infrastructure/consistency';

/**
 * A command for the CommandBus: one of the application's use cases (libs/application), bound to its context and
 * input by the resolver or controller, to run with the gateway's ports, and the request it serves (its context's
 * correlation id, the request's id):
 *
 *   await this.commands.execute(
 *     new UseCaseCommand((ports) => stageInvitee(ports, context, batchId, person), context),
 *   );
 *
 * Its name is the use case's; its rules are the use case's and the domain's. The gateway adds only the ports.
 */
export class UseCaseCommand<Result extends Written> extends Command<Result> {
  constructor(
    readonly run: (ports: ApplicationPorts) => Promise<Result>,
    readonly request: Pick<CommandContext, 'correlationId'>,
  ) {
    super();
  }
}

/**
 * Runs a use case, then waits (with a bound) until the read models include what it wrote, so that a mutation answers
 * with state that has its own write: the one place that wait is made.
 */
@CommandHandler(UseCaseCommand)
export class UseCaseHandler implements ICommandHandler<UseCaseCommand<Written>> {
  constructor(
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
    private readonly consistency: Consistency,
  ) {}

  async execute(command: UseCaseCommand<Written>): Promise<Written> {
    let result: Written;
    try {
      result = await command.run(this.ports);
    } catch (error) {
      // A refusal that recorded something first answers once the read models show it, as a write would.
      if (error instanceof RefusedAfterWriting)
        await this.consistency.waitFor(error.position, command.request.correlationId);
      throw error;
    }
    await this.consistency.waitFor(result.position, command.request.correlationId);
    return result;
  }
}
