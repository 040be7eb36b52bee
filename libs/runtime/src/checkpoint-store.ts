/** The checkpoint of a subscriber that has handled nothing: the log's positions start at 0. */
export const NO_POSITION = -1n;

/**
 * Where the log's subscribers (each projection, the notification process manager) remember how far they have
 * handled it: one store for all of them, beside the read models (in memory, or MongoDB's `checkpoints`).
 */
export interface CheckpointStore {
  /** Each name's checkpoint, NO_POSITION for those without one. */
  load(names: readonly string[]): Promise<Map<string, bigint>>;
  /** Records that these subscribers have handled the log up to `position` (included). */
  save(names: readonly string[], position: bigint): Promise<void>;
  /** Every checkpoint kept, by name. */
  list(): Promise<{ name: string; position: bigint }[]>;
}

/** Checkpoints in memory, for the embedded read models (which are rebuilt at start, so they start with none). */
export class InMemoryCheckpoints implements CheckpointStore {
  private readonly positions = new Map<string, bigint>();

  async load(names: readonly string[]): Promise<Map<string, bigint>> {
    return new Map(names.map((name) => [name, this.positions.get(name) ?? NO_POSITION]));
  }

  async save(names: readonly string[], position: bigint): Promise<void> {
    for (const name of names) this.positions.set(name, position);
  }

  async list(): Promise<{ name: string; position: bigint }[]> {
    return [...this.positions]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, position]) => ({ name, position }));
  }
}
