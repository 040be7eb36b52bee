import type { EventStore } from '@invitations/event-store';
import type { Decider, Event } from '@invitations/kernel';
import { decideOn } from '../decide';
import type { AdminContext, Written } from '../ports';

/**
 * An aggregate an admin's command changes: its decider, its stream, and the check that it is their organisation's
 * (which answers it as it stands, `Checked`).
 */
export class OrganisationAggregate<Command, E extends Event, State, Checked> {
  constructor(
    private readonly decider: Decider<Command, E, State>,
    private readonly streamId: (id: string) => string,
    private readonly ofOrganisation: (
      store: EventStore,
      organisationId: string,
      id: string,
    ) => Promise<Checked>,
  ) {}

  /**
   * Decides one command on the aggregate of this id, once it is known to be the admin's organisation's (another
   * organisation's, or a missing one, answers NOT_FOUND before anything is decided). Answers the aggregate as it
   * stood before, and what was written.
   */
  async decide(
    store: EventStore,
    context: AdminContext,
    id: string,
    command: Command,
  ): Promise<{ before: Checked; written: Written }> {
    const before = await this.ofOrganisation(store, context.organisationId, id);
    return { before, written: await decideOn(store, this.streamId(id), this.decider, command, context) };
  }

  /** A use case that is one command on one of these aggregates, made from its input and the time. */
  command<Input>(command: (input: Input, now: string) => Command) {
    return async (
      deps: { store: EventStore },
      context: AdminContext,
      id: string,
      input: Input,
    ): Promise<Written> => {
      const decided = command(input, context.now.toISOString());
      return (await this.decide(deps.store, context, id, decided)).written;
    };
  }
}
