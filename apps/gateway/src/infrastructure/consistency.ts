/** Waits until the read models include a position, so that a mutation answers with state that has its own write. */
export abstract class Consistency {
  /** `requestId` names the request in the warning written when the wait runs out. */
  abstract waitFor(position: bigint, requestId: string): Promise<void>;
}
