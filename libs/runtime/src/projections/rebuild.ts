import type { EventStore } from '@invitations/event-store';
import { selectProjections } from '@invitations/read-models';
import type { DocumentStore, Projection, ProjectionName } from '@invitations/read-models';
import { NO_POSITION, type CheckpointStore } from '../checkpoint-store';
import { ALWAYS_HELD } from '../fence';
import { EventBatch, type DocumentsOf } from './event-batch';
import type { ProjectionTarget } from './projection-target';

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
  /** Write every this many events (default: the storage's `rebuildBatchSize`). */
  batchSize?: number;
  /** Suffix of the versions built aside (default `__rebuild_<timestamp>`). */
  suffix?: string;
}

export interface RebuildResult {
  projections: ProjectionName[];
  /** Events read from the log, both phases together. */
  events: number;
  /** The position the rebuilt read models include. */
  position: bigint;
  /** For a rollback: where each previous version was kept (none for a read model that did not exist). */
  previous: Partial<Record<ProjectionName, string>>;
}

/**
 * Rebuilds the named read models (all by default) from the start of the log, into versions built aside
 * while the live ones keep serving; then switches each one in, keeping the live one as `<name>__prev`.
 * A runner may still be writing to the live version until the switch, so the log's tail is applied
 * again to the switched ones; documents skip what they have seen, so the two meet safely.
 */
export async function rebuildProjections(
  store: EventStore,
  target: ProjectionTarget,
  names?: readonly string[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const projections = selectProjections(names);
  const suffix = options.suffix ?? `__rebuild_${Date.now()}`;
  const { storage } = target;
  const replay = (phase: RebuildPhase, documentsOf: DocumentsOf, after: bigint) =>
    replayLog(
      store,
      { projections, documentsOf, after, batchSize: options.batchSize ?? storage.rebuildBatchSize },
      (progress) => options.onProgress?.({ phase, ...progress }),
    );

  const aside = new Map<ProjectionName, DocumentStore>();
  for (const { name } of projections) aside.set(name, await storage.buildAside(name, suffix));
  const built = await replay('replaying', (name) => aside.get(name)!, NO_POSITION);
  const previous: Partial<Record<ProjectionName, string>> = {};
  for (const { name } of projections) {
    const kept = await storage.switchIn(name, suffix);
    if (kept !== null) previous[name] = kept;
  }
  const tail = await replay('catching-up', (name) => storage.documents(name), built.position);
  await advanceCheckpoints(target.checkpoints, projections, tail.position);

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
  documentsOf: DocumentsOf;
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
 * log's pages and one load and one write per projection per batch.
 */
function replayLog(
  store: EventStore,
  spec: ReplaySpec,
  onProgress: (progress: Omit<RebuildProgress, 'phase'>) => void,
): Promise<Replayed> {
  return new Promise((resolve, reject) => {
    let batch = new EventBatch();
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
      batch = new EventBatch();
      const previous = writing;
      writing = previous.then(async () => {
        await full.apply(spec.documentsOf, ALWAYS_HELD);
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
        batch.add(event, spec.projections);
        position = event.position;
        events += 1;
        if (batch.events >= spec.batchSize) return write();
      },
      {
        after: spec.after === NO_POSITION ? undefined : spec.after,
        onCaughtUp: () => void finish().then(resolve, reject),
        onError: reject,
      },
    );
  });
}

/** Moves the checkpoints to `position`, never back: a live runner may already be further on. */
async function advanceCheckpoints(
  checkpoints: CheckpointStore,
  projections: readonly Projection[],
  position: bigint,
): Promise<void> {
  const names = projections.map((projection) => projection.name);
  const stored = await checkpoints.load(names);
  const behind = names.filter((name) => (stored.get(name) ?? NO_POSITION) < position);
  await checkpoints.save(behind, position);
}
