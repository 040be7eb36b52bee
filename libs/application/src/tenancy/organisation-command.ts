import type { EventStore } from '@invitations/event-store';
import type { Decider, Event } from '@invitations/kernel';
import { decideOn } from '../decide';
import type { AdminContext, Written } from '../ports';

/** An aggregate an admin's command changes: its decider, its stream, and the check that it is their organisation's. */
export class OrganisationAggregate<Command, E extends Event, State> {
  constructor(
    private readonly decider: Decider<Command, E, State>,
    private readonly streamId: (id: string) => string,
    private readonly ofOrganisation: (
      store: EventStore,
      organisationId: string,
      id: string,
    ) => Promise<unknown>,
  ) {}

  /**
   * A use case that is one command on one of these aggregates, made from its input and the time: another
   * organisation's aggregate (or a missing one) answers NOT_FOUND before anything is decided.
   */
  command<Input>(command: (input: Input, now: string) => Command) {
    return async (
      deps: { store: EventStore },
      context: AdminContext,
      id: string,
      input: Input,
    ): Promise<Written> => {
      await this.ofOrganisation(deps.store, context.organisationId, id);
      const decided = command(input, context.now.toISOString());
      return decideOn(deps.store, this.streamId(id), this.decider, decided, context);
    };
  }
}
