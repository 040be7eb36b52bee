import { type Clock, type CommandContext, type Logger, deriveId } from '@invitations/kernel';
import { handleCommand, type EventStore } from '@invitations/event-store';
import { inviteeDecider, inviteeStreamId, type InviteeCommand } from '@invitations/domain';
import { ALWAYS_HELD, type Fence } from '@invitations/runtime';

export interface InviteeSweepOptions {
  logger: Pick<Logger, 'error'>;
  /** Checked before each one due: a projector that lost its lease stops mid-sweep. */
  fence?: Fence;
}

/** An invitee a sweep found due, in the read model, and the organisation whose stream it decides on. */
export interface DueInvitee {
  inviteeId: string;
  organisationId: string;
}

/** What one kind of sweep does on invitees: how it finds who is due, and the command it decides on each. */
export interface SweepKind {
  /** In logs and correlation ids: `expiry`, `reminder`. */
  name: string;
  /** In a failure's log line: `could not <verb> invitee …`; in command ids. */
  verb: string;
  due(nowIso: string): Promise<readonly DueInvitee[]>;
  command(now: Date): InviteeCommand;
}

/** What any sweep does: finds what is due, and acts on each (true when it changed it). */
export interface SweepAction<Due extends { organisationId: string }> {
  name: string;
  verb: string;
  /** What the thing due is called in a failure's log line (`invitee`, `upload`). */
  noun: string;
  due(nowIso: string): Promise<readonly Due[]>;
  idOf(due: Due): string;
  act(due: Due, context: CommandContext): Promise<boolean>;
}

/**
 * Acts on each thing a read model says is due, one sweep at a time, every interval. The read model only finds
 * candidates: the decider on the stream has the last word, so a read model that lags delays a sweep but never makes
 * it wrong, and two sweepers racing (or a restart mid-sweep) decide nothing twice. The command ids derive from the
 * sweep's instant, so a retried command is recognised as the same one.
 */
export class Sweep<Due extends { organisationId: string }> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly fence: Fence;

  constructor(
    private readonly action: SweepAction<Due>,
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

  /** Acts on everything due now; answers how many it changed. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.actOnDue().finally(() => (this.running = null));
    return this.running;
  }

  private async actOnDue(): Promise<number> {
    const now = this.clock.now();
    const { name, verb, noun } = this.action;
    let changed = 0;
    for (const due of await this.action.due(now.toISOString())) {
      if (!this.fence.isHeld()) break;
      const id = this.action.idOf(due);
      const context: CommandContext = {
        organisationId: due.organisationId,
        actor: null,
        correlationId: deriveId(name, now.toISOString()),
        commandId: deriveId(verb, id, now.toISOString()),
        now,
      };
      try {
        changed += (await this.action.act(due, context)) ? 1 : 0;
      } catch (error) {
        this.options.logger.error(`could not ${verb} ${noun} ${id}: ${(error as Error).message}`);
      }
    }
    return changed;
  }

  /** A sweep that could not even list what is due (the read models unreachable): the next one tries again. */
  private reportFailure(error: unknown): void {
    this.options.logger.error(`${this.action.name} sweep failed: ${(error as Error).message}`);
  }
}

/** A sweep that decides one command on each invitee due (expiry, reminders). */
export class InviteeSweep extends Sweep<DueInvitee> {
  constructor(store: EventStore, kind: SweepKind, clock: Clock, options: InviteeSweepOptions) {
    super(
      {
        ...kind,
        noun: 'invitee',
        idOf: (due) => due.inviteeId,
        // True when this call changed the invitee (false when it was no longer due, e.g. accepted meanwhile).
        act: async (due, context) => {
          const { events } = await handleCommand(
            store,
            inviteeStreamId(due.inviteeId),
            inviteeDecider,
            () => kind.command(context.now),
            context,
          );
          return events.length > 0;
        },
      },
      clock,
      options,
    );
  }
}

/** One kind of invitee sweep over what it reads (a query of the invitees read model) to find who is due. */
export interface InviteeSweepKind<Source> extends Omit<SweepKind, 'due'> {
  due(source: Source, nowIso: string): Promise<readonly DueInvitee[]>;
}

/**
 * The class of one kind of invitee sweep, built as the background work builds each: from the store, what it reads,
 * the clock and the options.
 */
export function inviteeSweepOf<Source>(kind: InviteeSweepKind<Source>) {
  return class extends InviteeSweep {
    constructor(store: EventStore, source: Source, clock: Clock, options: InviteeSweepOptions) {
      super(store, { ...kind, due: (nowIso) => kind.due(source, nowIso) }, clock, options);
    }
  };
}
