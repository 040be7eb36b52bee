/**
 * A decider, as in Emmett: decide(command, state) -> events (or throws a ServiceError), evolve(state, event) -> state.
 * Pure functions: no I/O, no clock, no randomness. Whatever they need from outside comes in the command.
 */
export interface Event<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command, E extends Event, State> {
  decide(command: Command, state: State): E[];
  evolve(state: State, event: E): State;
  initialState(): State;
}

/** Rebuilds a decider's state from its events. */
export function fold<E extends Event, State>(
  decider: Pick<Decider<unknown, E, State>, 'evolve' | 'initialState'>,
  events: Iterable<E>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
