import type { RecordedEvent } from '@invitations/event-store';
import {
  positionKey,
  type DocumentChange,
  type DocumentStore,
  type Positioned,
  type Projection,
  type ProjectionName,
} from '@invitations/read-models';
import { assertHeld, type Fence } from '../fence';

/** Where a batch writes each projection's documents: the live ones, or a version built aside. */
export type DocumentsOf = (name: ProjectionName) => DocumentStore;

/** One projection's share of a batch: its events, and the ids of the documents they change. */
class ProjectionEvents {
  private readonly events: RecordedEvent[] = [];
  private readonly positions: string[] = [];
  private readonly idsOfEvent: (readonly string[])[] = [];
  private readonly ids = new Set<string>();

  constructor(readonly projection: Projection) {}

  add(event: RecordedEvent, position: string): void {
    this.events.push(event);
    this.positions.push(position);
    if (this.projection.appendOnly) return;
    const ids = this.projection.documentIds(event);
    this.idsOfEvent.push(ids);
    for (const id of ids) this.ids.add(id);
  }

  /**
   * Loads the documents the events touch (one call), folds the events over them in log order, skipping an event
   * a document has seen (at or before its `_pos`), and writes each changed document once (one call).
   */
  async apply(documents: DocumentStore, fence: Fence): Promise<void> {
    if (this.projection.appendOnly) return this.appendEach(documents, fence);
    const loaded = await documents.load([...this.ids]);
    const current = new Map<string, Positioned | null>();
    const changes = new Map<string, DocumentChange>();
    const { projection } = this;
    for (let index = 0; index < this.events.length; index += 1) {
      const event = this.events[index];
      const position = this.positions[index];
      for (const id of this.idsOfEvent[index]) {
        const doc = current.has(id) ? current.get(id)! : (loaded.get(id) ?? null);
        if (doc !== null && doc._pos >= position) continue;
        const next = projection.evolve(doc, event);
        if (next === doc) continue;
        current.set(id, next);
        changes.set(id, { id, document: next, position });
      }
    }
    if (changes.size === 0) return;
    assertHeld(fence, `writing the ${projection.name} read model`);
    await documents.write([...changes.values()]);
  }

  /** Each event's own document, written without loading anything (see Projection.appendOnly). */
  private async appendEach(documents: DocumentStore, fence: Fence): Promise<void> {
    const { projection } = this;
    const changes: DocumentChange[] = [];
    for (let index = 0; index < this.events.length; index += 1) {
      const document = projection.evolve(null, this.events[index]);
      if (document !== null) changes.push({ id: document._id, document, position: this.positions[index] });
    }
    if (changes.length === 0) return;
    assertHeld(fence, `writing the ${projection.name} read model`);
    await documents.write(changes);
  }
}

/**
 * The events of a batch, each given to the projections that handle it (and, in a runner, whose checkpoint is
 * behind it), applied with one load and one write per projection: applying events one at a time would cost a
 * round trip (or an await) each.
 */
export class EventBatch {
  private readonly byProjection = new Map<ProjectionName, ProjectionEvents>();
  /** Events added, whether or not a projection handled them. */
  events = 0;

  /** Adds an event for the projections given that handle it. */
  add(event: RecordedEvent, projections: readonly Projection[]): void {
    this.events += 1;
    let position: string | undefined;
    for (const projection of projections) {
      if (!projection.handles.has(event.type)) continue;
      position ??= positionKey(event.position);
      let share = this.byProjection.get(projection.name);
      if (share === undefined)
        this.byProjection.set(projection.name, (share = new ProjectionEvents(projection)));
      share.add(event, position);
    }
  }

  /** Applies the batch. The projections' documents are independent, so they are written concurrently. */
  async apply(documentsOf: DocumentsOf, fence: Fence): Promise<void> {
    const shares = [...this.byProjection.values()];
    await Promise.all(shares.map((share) => share.apply(documentsOf(share.projection.name), fence)));
  }
}
