import { ServiceError } from '@invitations/kernel';
import type { Decider, Event } from '@invitations/kernel';
import { given } from './given-when-then';

// A counter that refuses to go above 2, to test the helper itself: it must fail when the decider disagrees.
type Incremented = Event<'Incremented', { by: number }>;
type Increment = { type: 'Increment'; by: number };
const counter: Decider<Increment, Incremented, { total: number }> = {
  decide: (command, state) => {
    if (state.total + command.by > 2) throw new ServiceError('CONFLICT', 'Too many.');
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  initialState: () => ({ total: 0 }),
};

const incremented = (by: number): Incremented => ({ type: 'Incremented', data: { by } });

describe('given/when/then', () => {
  it('passes when the decided events are the expected ones, and returns the state after them', () => {
    expect(
      given(counter, [incremented(1)])
        .when({ type: 'Increment', by: 1 })
        .then([incremented(1)]),
    ).toEqual({
      total: 2,
    });
  });

  it('fails when the decided events differ', () => {
    expect(() =>
      given(counter, [])
        .when({ type: 'Increment', by: 1 })
        .then([incremented(2)]),
    ).toThrow();
  });

  it('checks the whole state after the decided events when it is given', () => {
    const incrementedBy1 = given(counter, [incremented(1)]).when({ type: 'Increment', by: 1 });
    expect(incrementedBy1.then([incremented(1)], { total: 2 })).toEqual({ total: 2 });
    expect(() => incrementedBy1.then([incremented(1)], { total: 1 })).toThrow();
  });

  it('passes thenThrows on the expected code and message, and returns the error', () => {
    const error = given(counter, [incremented(2)])
      .when({ type: 'Increment', by: 1 })
      .thenThrows('CONFLICT', 'many');
    expect(error.message).toBe('Too many.');
  });

  it('fails thenThrows when the command is not refused', () => {
    expect(() => given(counter, []).when({ type: 'Increment', by: 1 }).thenThrows('CONFLICT')).toThrow(
      /Expected the command to be refused/,
    );
  });

  it('fails thenThrows on another code or message', () => {
    const refused = given(counter, [incremented(2)]).when({ type: 'Increment', by: 1 });
    expect(() => refused.thenThrows('NOT_FOUND')).toThrow();
    expect(() => refused.thenThrows('CONFLICT', 'Too few')).toThrow();
  });

  it('fails when decide mutates its state', () => {
    const mutating: typeof counter = {
      ...counter,
      decide: (command, state) => {
        state.total += command.by;
        return [];
      },
    };
    expect(() => given(mutating, []).when({ type: 'Increment', by: 1 }).then([])).toThrow(TypeError);
  });
});
