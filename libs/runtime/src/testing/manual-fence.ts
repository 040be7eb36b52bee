import type { Fence } from '../fence';

/** A fence the test holds and drops by hand. */
export class ManualFence implements Fence {
  held = true;

  isHeld(): boolean {
    return this.held;
  }
}
