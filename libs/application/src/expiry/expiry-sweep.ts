import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import type { Invitees } from '@invitations/read-models';
import type { Clock } from '@invitations/kernel';
import { handleCommand } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { ALWAYS_HELD, type Fence } from '@invitations/runtime';

export interface ExpirySweepLogger {
  error(message: string): void;
}

export interface ExpirySweepOptions {
  logger: ExpirySweepLogger;
  /** Checked before each invitation is expired: a projector that lost its lease stops mid-sweep. */
  fence?: Fence;
}

/**
 * Expires invitations whose time is up (ExpireInvitation), one sweep at a time. It finds them in the `invitees`
 * read model and decides on each invitee's stream, so a read model that lags only delays a sweep: accepting
 * checks the expiry itself, so a late sweep never lets an expired token through; the sweep moves people out of
 * the Invited tab. Two sweepers racing are harmless: the second decides on the expired state and writes nothing.
 */
export class ExpirySweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly fence: Fence;

  constructor(
    private readonly store: EventStore,
    private readonly invitees: Pick<Invitees, 'dueToExpire'>,
    private readonly clock: Clock,
    private readonly options: ExpirySweepOptions,
  ) {
    this.fence = options.fence ?? ALWAYS_HELD;
  }

  /** Sweeps every `intervalMs` until stopped. The timer does not keep the process alive. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => void this.sweep().catch((error: unknown) => this.reportFailure(error)),
      intervalMs,
    );
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Expires what is due now; answers how many invitations it expired. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.expireDue().finally(() => (this.running = null));
    return this.running;
  }

  private async expireDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.invitees.dueToExpire(now.toISOString());
    let expired = 0;
    for (const { inviteeId, organisationId } of due) {
      if (!this.fence.isHeld()) break;
      try {
        expired += (await this.expire(inviteeId, organisationId, now)) ? 1 : 0;
      } catch (error) {
        this.options.logger.error(`could not expire invitee ${inviteeId}: ${(error as Error).message}`);
      }
    }
    return expired;
  }

  /** True when this call expired the invitation (false when it was no longer due, e.g. accepted meanwhile). */
  private async expire(inviteeId: string, organisationId: string, now: Date): Promise<boolean> {
    const { events } = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({ type: 'ExpireInvitation' as const, now: now.toISOString() }),
      {
        organisationId,
        actor: null,
        correlationId: deriveId('expiry', now.toISOString()),
        commandId: deriveId('expire', inviteeId, now.toISOString()),
        now,
      },
    );
    return events.length > 0;
  }

  /** A sweep that could not even list what is due (the read models unreachable): the next one tries again. */
  private reportFailure(error: unknown): void {
    this.options.logger.error(`expiry sweep failed: ${(error as Error).message}`);
  }
}
