/** Waits until the read models include a position, so that a mutation answers with state that has its own write. */
export abstract class Consistency {
  abstract waitFor(position: bigint): Promise<void>;
}
