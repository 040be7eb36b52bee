import { fold, type Decider, type Event, type ErrorCode, ServiceError } from '@invitations/kernel';

export interface DeciderOutcome<E extends Event, State> {
  /** Asserts the events decided (and, when given, the whole state once they are applied); returns that state. */
  then(expected: E[], state?: State): State;
  /** Asserts that the command is refused with this code (and a message containing messagePart); returns the error. */
  thenThrows(code: ErrorCode, messagePart?: string): ServiceError;
}

/**
 * Given/when/then for deciders, after Emmett's DeciderSpecification:
 *   given(inviteeDecider, [staged]).when(sendInvitation).then([invitationSent]);
 * The past events, the state folded from them and the command are frozen, so a decide or an evolve that mutates
 * its input fails the test instead of corrupting history.
 */
export function given<Command, E extends Event, State>(
  decider: Decider<Command, E, State>,
  events: E[] = [],
) {
  return {
    when(command: Command): DeciderOutcome<E, State> {
      const state = deepFreeze(fold(decider, deepFreeze(structuredClone(events))));
      const decide = () => decider.decide(deepFreeze(structuredClone(command)), state);
      return {
        then(expected, expectedState) {
          const decided = decide();
          expect(decided).toEqual(expected);
          const after = fold({ initialState: () => state, evolve: decider.evolve }, deepFreeze(decided));
          if (expectedState !== undefined) expect(after).toEqual(expectedState);
          return after;
        },
        thenThrows(code, messagePart) {
          const error = thrownBy(decide);
          expect(error).toBeInstanceOf(ServiceError);
          const domainError = error as ServiceError;
          expect(domainError.code).toBe(code);
          if (messagePart !== undefined) expect(domainError.message).toContain(messagePart);
          return domainError;
        },
      };
    },
  };
}

/**
 * A command refused: why (the test's name), the events before it, the code, and a part of the message (undefined
 * when any will do: every row has all four, as it.each would give a shorter row's test jest's `done` instead).
 */
export type Refusal<E extends Event> = [
  why: string,
  events: readonly E[],
  code: ErrorCode,
  messagePart: string | undefined,
];

/** A table of refusals of one command: a test a row, each refused with its code (and message part). */
export function itRefuses<Command, E extends Event, State>(
  decider: Decider<Command, E, State>,
  command: () => Command,
  refusals: readonly Refusal<E>[],
  title = 'refuses %s',
): void {
  it.each(refusals)(title, (_why, events, code, messagePart) => {
    given(decider, [...events])
      .when(command())
      .thenThrows(code, messagePart);
  });
}

function thrownBy(decide: () => Event[]): unknown {
  let decided: Event[];
  try {
    decided = decide();
  } catch (error) {
    return error;
  }
  throw new Error(`Expected the command to be refused, but it decided ${JSON.stringify(decided)}`);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
