import { Inject, Injectable } from '@nestjs/common';
import type { Written } from '@invitations/application';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { Consistency } from '../infrastructure/consistency';

/**
 * A command handler that runs one of the application's use cases, then waits (with a bound) until the read models
 * include what it wrote: a mutation answers with state that has its own write. The one place that wait is made.
 */
@Injectable()
export abstract class WritingHandler<Command, Result extends Written> {
  constructor(
    @Inject(APPLICATION_PORTS) protected readonly ports: ApplicationPorts,
    private readonly consistency: Consistency,
  ) {}

  async execute(command: Command): Promise<Result> {
    const result = await this.write(command);
    await this.consistency.waitFor(result.position);
    return result;
  }

  protected abstract write(command: Command): Promise<Result>;
}
