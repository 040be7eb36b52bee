import type { EventStore } from '@invitations/event-store';
import type { ReadStore } from '@invitations/read-store';
import { selectProjections } from '@invitations/read-models';
import { loadCheckpoints, NO_POSITION, saveCheckpoints } from './checkpoints';
import { ensureReadModelIndexes, liveCollections, type CollectionNaming } from './indexes';
import type { Projection, ProjectionName } from '@invitations/read-models';
import { WriteBatch } from './write-batch';

export type RebuildPhase = 'replaying' | 'catching-up' | 'done';

export interface RebuildProgress {
  phase: RebuildPhase;
  /** Events read from the log so far in this phase (in all, when done). */
  events: number;
  /** The position of the last event applied. */
  position: bigint;
  /** The log's head when the phase started (it may have grown since). */
  head: bigint;
}

export interface RebuildOptions {
  onProgress?: (progress: RebuildProgress) => void;
  /** Write every this many events (default 10,000). */
  batchSize?: number;
  /** Suffix of the collections built aside (default `__rebuild_<timestamp>`). */
  suffix?: string;
}

export interface RebuildResult {
  projections: ProjectionName[];
  /** Events read from the log, both phases together. */
  events: number;
  /** The position the rebuilt read models include. */
  position: bigint;
  /** For a rollback: the collection each previous version was kept in (none for a read model that did not exist). */
  previous: Partial<Record<ProjectionName, string>>;
}

/** Where the previous version of a rebuilt read model is kept, for a rollback. */
export const previousCollection = (name: ProjectionName): string => `${name}__prev`;

/**
 * Rebuilds the named read models (all by default) from the start of the log, into new collections
 * while the old ones keep serving; then switches each one by renames, keeping the old one as
 * `<name>__prev`. A runner may still be writing to the old collection until the switch, so the log's
 * tail is applied again to the switched ones; the writes are idempotent, so the two meet safely.
 * Each switch is two renames (neither MongoDB nor the port swaps two collections in one step): for
 * that instant a query finds the read model empty.
 */
export async function rebuildProjections(
  store: EventStore,
  readStore: ReadStore,
  names?: readonly string[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const projections = selectProjections(names);
  const suffix = options.suffix ?? `__rebuild_${Date.now()}`;
  const rebuilt: CollectionNaming = (name) => `${name}${suffix}`;
  const replay = (phase: RebuildPhase, naming: CollectionNaming, after: bigint) =>
    replayLog(
      store,
      readStore,
      { projections, naming, after, batchSize: options.batchSize ?? 10_000 },
      (progress) => options.onProgress?.({ phase, ...progress }),
    );

  await dropCollections(
    readStore,
    projections.map((projection) => rebuilt(projection.name)),
  );
  const built = await replay('replaying', rebuilt, NO_POSITION);
  await ensureReadModelIndexes(readStore, { projections, collectionName: rebuilt });
  const previous = await switchCollections(readStore, projections, rebuilt);
  const tail = await replay('catching-up', liveCollections, built.position);
  await advanceCheckpoints(readStore, projections, tail.position);

  const events = built.events + tail.events;
  options.onProgress?.({ phase: 'done', events, position: tail.position, head: tail.position });
  return {
    projections: projections.map((projection) => projection.name),
    events,
    position: tail.position,
    previous,
  };
}

interface ReplaySpec {
  projections: readonly Projection[];
  naming: CollectionNaming;
  after: bigint;
  batchSize: number;
}

interface Replayed {
  events: number;
  /** The last position applied (`after` when there was nothing to apply). */
  position: bigint;
}

/**
 * Applies the log after `spec.after` to the projections, batch by batch, up to the head. It reads
 * through a subscription rather than `readAll`: a subscription hands over each page's events
 * synchronously, where an async iterator costs an await per event; the only awaits left are the
 * log's pages and one bulk write per collection per batch.
 */
function replayLog(
  store: EventStore,
  readStore: ReadStore,
  spec: ReplaySpec,
  onProgress: (progress: Omit<RebuildProgress, 'phase'>) => void,
): Promise<Replayed> {
  return new Promise((resolve, reject) => {
    let batch = new WriteBatch(spec.naming);
    let batchEvents = 0;
    let position = spec.after;
    let events = 0;
    let head = NO_POSITION;
    let writing: Promise<void> = Promise.resolve();
    /**
     * Starts writing the gathered batch after the one before it, and returns the one before it: the
     * log is read on while a batch is written (a remote store's round trips overlap the reading), with
     * at most one batch in flight.
     */
    const write = (): Promise<void> => {
      const full = batch;
      const reached = { events, position };
      batch = new WriteBatch(spec.naming);
      batchEvents = 0;
      const previous = writing;
      writing = previous.then(async () => {
        await full.apply(readStore);
        onProgress({ ...reached, head: head > reached.position ? head : reached.position });
      });
      writing.catch(() => undefined); // reported through the next wait on it, never as an unhandled rejection
      return previous;
    };
    const finish = async (): Promise<Replayed> => {
      await subscription.stop();
      write();
      await writing;
      return { events, position };
    };
    void store.headPosition().then((known) => (head = known), reject);
    const subscription = store.subscribeToAll(
      (event) => {
        for (const projection of spec.projections) batch.add(projection.project(event));
        position = event.position;
        events += 1;
        if (++batchEvents >= spec.batchSize) return write();
      },
      {
        after: spec.after === NO_POSITION ? undefined : spec.after,
        onCaughtUp: () => void finish().then(resolve, reject),
        onError: reject,
      },
    );
  });
}

async function dropCollections(readStore: ReadStore, names: readonly string[]): Promise<void> {
  const existing = new Set(await readStore.listCollections());
  for (const name of names) if (existing.has(name)) await readStore.collection(name).drop();
}

/**
 * Puts each rebuilt collection in the live one's place, keeping the live one as `__prev`. Between the
 * two renames the read model is briefly absent; a runner's write in that moment is replayed by the tail.
 */
async function switchCollections(
  readStore: ReadStore,
  projections: readonly Projection[],
  rebuilt: CollectionNaming,
): Promise<Partial<Record<ProjectionName, string>>> {
  const existing = new Set(await readStore.listCollections());
  const previous: Partial<Record<ProjectionName, string>> = {};
  for (const { name } of projections) {
    if (existing.has(name)) {
      await readStore.renameCollection(name, previousCollection(name));
      previous[name] = previousCollection(name);
    }
    if (existing.has(rebuilt(name))) await readStore.renameCollection(rebuilt(name), name);
  }
  return previous;
}

/** Moves the checkpoints to `position`, never back: a live runner may already be further on. */
async function advanceCheckpoints(
  readStore: ReadStore,
  projections: readonly Projection[],
  position: bigint,
): Promise<void> {
  const names = projections.map((projection) => projection.name);
  const checkpoints = await loadCheckpoints(readStore, names);
  const behind = names.filter((name) => (checkpoints.get(name) ?? NO_POSITION) < position);
  await saveCheckpoints(readStore, behind, position);
}
