import type { EventStore } from '@invitations/event-store';
import { inviteeDecider, inviteeStreamId } from '@invitations/domain';
import type { Invitees } from '@invitations/read-models';
import type { Clock } from '@invitations/kernel';
import { handleCommand } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { ALWAYS_HELD, type Fence } from '@invitations/runtime';

export interface ReminderSweepOptions {
  logger: { error(message: string): void };
  /** Checked before each reminder: a projector that lost its lease stops mid-sweep. */
  fence?: Fence;
}

/**
 * Reminds invited people whose reminder is due (`reminderDaysBeforeExpiry` before their invitation expires, as
 * recorded with the invitation), one sweep at a time, like the expiry sweep. It finds them in the `invitees` read
 * model and decides RemindInvitee on each invitee's stream: the decider records one reminder per invitation, so a
 * second sweep, a restart, or another projector after a handover decides nothing. The notification process manager
 * then sends the reminder, with the same link, once per InviteeReminded event.
 */
export class ReminderSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly fence: Fence;

  constructor(
    private readonly store: EventStore,
    private readonly invitees: Pick<Invitees, 'dueForReminder'>,
    private readonly clock: Clock,
    private readonly options: ReminderSweepOptions,
  ) {
    this.fence = options.fence ?? ALWAYS_HELD;
  }

  /** Sweeps every `intervalMs` until stopped. The timer does not keep the process alive. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(
      () =>
        void this.sweep().catch((error: unknown) =>
          this.options.logger.error(`reminder sweep failed: ${(error as Error).message}`),
        ),
      intervalMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Records the reminders due now; answers how many. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.remindDue().finally(() => (this.running = null));
    return this.running;
  }

  private async remindDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.invitees.dueForReminder(now.toISOString());
    let reminded = 0;
    for (const { inviteeId, organisationId } of due) {
      if (!this.fence.isHeld()) break;
      try {
        const { events } = await handleCommand(
          this.store,
          inviteeStreamId(inviteeId),
          inviteeDecider,
          () => ({ type: 'RemindInvitee' as const, now: now.toISOString(), automatic: true, message: null }),
          {
            organisationId,
            actor: null,
            correlationId: deriveId('reminders', now.toISOString()),
            commandId: deriveId('remind', inviteeId, now.toISOString()),
            now,
          },
        );
        reminded += events.length > 0 ? 1 : 0;
      } catch (error) {
        this.options.logger.error(`could not remind invitee ${inviteeId}: ${(error as Error).message}`);
      }
    }
    return reminded;
  }
}
