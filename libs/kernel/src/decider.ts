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

/** For each type of a decider's commands, the function that decides it. */
export type CommandDecisions<Command extends { type: string }, E extends Event, State> = {
  [Type in Command['type']]: (command: Extract<Command, { type: Type }>, state: State) => E[];
};

/** For each type of a decider's events, how it changes the state. */
export type EventChanges<E extends Event, State> = {
  [Type in E['type']]: (state: State, event: Extract<E, { type: Type }>) => State;
};

/**
 * A decider's `decide` from one function per command type (the compiler asks for every type): each command goes
 * to its own, as a `switch` on the type would send it.
 */
export function decideByType<Command extends { type: string }, E extends Event, State>(
  decisions: CommandDecisions<Command, E, State>,
): (command: Command, state: State) => E[] {
  return (command, state) => {
    const decide = decisions[command.type as Command['type']] as
      ((command: Command, state: State) => E[]) | undefined;
    if (decide === undefined) throw new TypeError(`No decision for a command of type ${command.type}`);
    return decide(command, state);
  };
}

/** A decider's `evolve` from one function per event type; an event of a type it does not know changes nothing. */
export function evolveByType<E extends Event, State>(
  changes: EventChanges<E, State>,
): (state: State, event: E) => State {
  return (state, event) => {
    const change = changes[event.type as E['type']] as ((state: State, event: E) => State) | undefined;
    return change === undefined ? state : change(state, event);
  };
}
