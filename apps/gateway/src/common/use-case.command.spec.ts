import { RefusedAfterWriting } from '@invitations/application';

/**
 * Nest 12 is published as ES modules only, which jest's CommonJS runtime cannot load: its decorators and the
 * command's base class stand in (the handler is constructed here by hand, as Nest would with its providers).
 */
jest.mock('@nestjs/common', () => ({ Inject: () => () => undefined }));
jest.mock('@nestjs/cqrs', () => ({ Command: class Command {}, CommandHandler: () => () => undefined }));
import { ServiceError } from '@invitations/kernel';
import type { ApplicationPorts } from '../infrastructure/application-ports';
import { Consistency } from '../infrastructure/consistency';
import { UseCaseCommand, UseCaseHandler } from './use-case.command';

/** The waits asked for: the position, and the request named in the warning should the wait run out. */
class RecordingConsistency extends Consistency {
  readonly waits: [bigint, string][] = [];
  async waitFor(position: bigint, requestId: string): Promise<void> {
    this.waits.push([position, requestId]);
  }
}

describe('a use case run by the command bus', () => {
  const ports = {} as ApplicationPorts;
  let consistency: RecordingConsistency;
  let handler: UseCaseHandler;

  beforeEach(() => {
    consistency = new RecordingConsistency();
    handler = new UseCaseHandler(ports, consistency);
  });

  it('answers once the read models include its write, waiting in the name of its request', async () => {
    const command = new UseCaseCommand(async () => ({ position: 41n, poolId: 'pool-1' }), {
      correlationId: 'req-7',
    });

    await expect(handler.execute(command)).resolves.toEqual({ position: 41n, poolId: 'pool-1' });
    expect(consistency.waits).toEqual([[41n, 'req-7']]);
  });

  it('a refusal that wrote first waits for what it wrote, then refuses', async () => {
    const refusal = new RefusedAfterWriting(new ServiceError('CONFLICT', 'taken'), 12n);
    const command = new UseCaseCommand(
      async () => {
        throw refusal;
      },
      { correlationId: 'req-8' },
    );

    await expect(handler.execute(command)).rejects.toBe(refusal);
    expect(consistency.waits).toEqual([[12n, 'req-8']]);
  });

  it('a refusal that wrote nothing answers without waiting', async () => {
    const command = new UseCaseCommand(
      async () => {
        throw new ServiceError('NOT_FOUND', 'no such pool');
      },
      { correlationId: 'req-9' },
    );

    await expect(handler.execute(command)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(consistency.waits).toEqual([]);
  });
});
