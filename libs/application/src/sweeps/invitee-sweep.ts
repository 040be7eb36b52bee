import { type Clock, type Logger, deriveId } from '@invitations/kernel';
import { handleCommand, type EventStore } from '@invitations/event-store';
import { inviteeDecider, inviteeStreamId, type InviteeCommand } from '@invitations/domain';
import { ALWAYS_HELD, type Fence } from '@invitations/runtime';

export interface InviteeSweepOptions {
  logger: Pick<Logger, 'error'>;
  /** Checked before each invitee: a projector that lost its lease stops mid-sweep. */
  fence?: Fence;
}

/** An invitee a sweep found due, in the read model, and the organisation whose stream it decides on. */
export interface DueInvitee {
  inviteeId: string;
  organisationId: string;
}

/** What one kind of sweep does: how it finds who is due, and the command it decides on each of them. */
export interface SweepKind {
  /** In logs and correlation ids: `expiry`, `reminder`. */
  name: string;
  /** In a failure's log line: `could not <verb> invitee …`; in command ids. */
  verb: string;
  due(nowIso: string): Promise<readonly DueInvitee[]>;
  command(now: Date): InviteeCommand;
}

/**
 * Decides a command on each invitee a read model says is due, one sweep at a time, every interval. The read model
 * only finds candidates: the decider on the invitee's stream has the last word, so a read model that lags delays a
 * sweep but never makes it wrong, and two sweepers racing (or a restart mid-sweep) decide nothing twice. The ids
 * derive from the sweep's instant, so a retried command is recognised as the same one.
 */
export class InviteeSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly fence: Fence;

  constructor(
    private readonly store: EventStore,
    private readonly kind: SweepKind,
    private readonly clock: Clock,
    private readonly options: InviteeSweepOptions,
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

  /** Decides on everyone due now; answers how many it changed. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.decideOnDue().finally(() => (this.running = null));
    return this.running;
  }

  private async decideOnDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.kind.due(now.toISOString());
    let changed = 0;
    for (const { inviteeId, organisationId } of due) {
      if (!this.fence.isHeld()) break;
      try {
        changed += (await this.decideOn(inviteeId, organisationId, now)) ? 1 : 0;
      } catch (error) {
        this.options.logger.error(
          `could not ${this.kind.verb} invitee ${inviteeId}: ${(error as Error).message}`,
        );
      }
    }
    return changed;
  }

  /** True when this call changed the invitee (false when it was no longer due, e.g. accepted meanwhile). */
  private async decideOn(inviteeId: string, organisationId: string, now: Date): Promise<boolean> {
    const { events } = await handleCommand(
      this.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => this.kind.command(now),
      {
        organisationId,
        actor: null,
        correlationId: deriveId(this.kind.name, now.toISOString()),
        commandId: deriveId(this.kind.verb, inviteeId, now.toISOString()),
        now,
      },
    );
    return events.length > 0;
  }

  /** A sweep that could not even list who is due (the read models unreachable): the next one tries again. */
  private reportFailure(error: unknown): void {
    this.options.logger.error(`${this.kind.name} sweep failed: ${(error as Error).message}`);
  }
}
