import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefusedAfterWriting, type Written } from '@invitations/application';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { Consistency } from '../infrastructure/consistency';

/**
 * A command for the CommandBus: one of the application's use cases (libs/application), bound to its context and
 * input by the resolver or controller, to run with the gateway's ports:
 *
 *   await this.commands.execute(new UseCaseCommand((ports) => stageInvitee(ports, context, batchId, person)));
 *
 * Its name is the use case's; its rules are the use case's and the domain's. The gateway adds only the ports.
 */
export class UseCaseCommand<Result extends Written> extends Command<Result> {
  constructor(readonly run: (ports: ApplicationPorts) => Promise<Result>) {
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
      if (error instanceof RefusedAfterWriting) await this.consistency.waitFor(error.position);
      throw error;
    }
    await this.consistency.waitFor(result.position);
    return result;
  }
}
