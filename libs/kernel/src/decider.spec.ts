import { decideByType, evolveByType } from './decider';

type Command = { type: 'Open'; name: string } | { type: 'Close' };
type Event = { type: 'Opened'; data: { name: string } } | { type: 'Closed'; data: null };
type State = { open: boolean; name: string | null };

const decide = decideByType<Command, Event, State>({
  Open: (command, state) => (state.open ? [] : [{ type: 'Opened', data: { name: command.name } }]),
  Close: (_command, state) => (state.open ? [{ type: 'Closed', data: null }] : []),
});
const evolve = evolveByType<Event, State>({
  Opened: (_state, event) => ({ open: true, name: event.data.name }),
  Closed: (state) => ({ ...state, open: false }),
});

describe('a decider made of one function per type', () => {
  it('sends each command to its own decision, with the state', () => {
    const closed: State = { open: false, name: null };
    expect(decide({ type: 'Open', name: 'Ward 3' }, closed)).toEqual([
      { type: 'Opened', data: { name: 'Ward 3' } },
    ]);
    expect(decide({ type: 'Close' }, closed)).toEqual([]);
    expect(decide({ type: 'Close' }, { open: true, name: 'Ward 3' })).toEqual([
      { type: 'Closed', data: null },
    ]);
  });

  it('refuses a command of a type it has no decision for, naming the type', () => {
    const unknown = { type: 'Paint' } as unknown as Command;
    expect(() => decide(unknown, { open: false, name: null })).toThrow(
      'No decision for a command of type Paint',
    );
  });

  it('applies each event by its own change; an event of a type it does not know changes nothing', () => {
    const opened = evolve({ open: false, name: null }, { type: 'Opened', data: { name: 'Ward 3' } });
    expect(opened).toEqual({ open: true, name: 'Ward 3' });
    expect(evolve(opened, { type: 'Closed', data: null })).toEqual({ open: false, name: 'Ward 3' });
    const later = { type: 'Renamed', data: { name: 'Ward 4' } } as unknown as Event;
    expect(evolve(opened, later)).toBe(opened);
  });
});
