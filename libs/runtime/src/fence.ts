/**
 * Whether this process may still do work that only one process may do at a time (a projector holding its
 * lease). A LeaseKeeper is one. Work checks it before every write, so a process that has lost its lease stops
 * writing at once rather than at its next step.
 */
export interface Fence {
  isHeld(): boolean;
}

/** The fence of a process that runs its background work alone by construction (a gateway on its own log). */
export const ALWAYS_HELD: Fence = { isHeld: () => true };

/** Refused because the fence is no longer held: another process may be doing this work now. */
export class FenceLostError extends Error {
  override readonly name = 'FenceLostError';
  constructor(what: string) {
    super(`${what} refused: this process no longer holds the lease`);
  }
}

export function assertHeld(fence: Fence, what: string): void {
  if (!fence.isHeld()) throw new FenceLostError(what);
}
