import type { Decider, Event } from '@invitations/kernel';
import { given } from './given-when-then';

/** How a spec names a reservation's claim, the event it decides, and the state that holds it. */
export interface Claims<Command, E extends Event, State> {
  claim(holder: string): Command;
  claimed(holder: string): E;
  heldBy(holder: string): State;
}

/**
 * What every reservation stream (a passport's key, a pool's seat) promises: the first to claim it holds it, its
 * holder claiming again changes nothing, and while it is held nobody else gets it.
 */
export function itIsHeldByOne<Command, E extends Event, State>(
  decider: Decider<Command, E, State>,
  [first, second]: [string, string],
  { claim, claimed, heldBy }: Claims<Command, E, State>,
): void {
  it('is held by the first to claim it on an empty stream', () => {
    given(decider, [])
      .when(claim(first))
      .then([claimed(first)], heldBy(first));
  });

  it('claimed again by its holder, changes nothing', () => {
    given(decider, [claimed(first)])
      .when(claim(first))
      .then([]);
  });

  it('cannot be claimed by another while held', () => {
    given(decider, [claimed(first)])
      .when(claim(second))
      .thenThrows('CONFLICT');
  });
}
