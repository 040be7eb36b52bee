import type { RecordedEvent } from '@invitations/event-store';
import { definedProjections } from '../all-projections';
import type { DocumentChange } from '../projection/document-store';
import { positionKey, type Positioned, type Projection, type ProjectionName } from '../projection/projection';
import type { ReadModelStorage } from '../projection/read-model-storage';

/**
 * Applies events one at a time, each projection's documents loaded and written per event: the slowest runner
 * there could be, and the reference the projection runner's batches are compared with.
 */
export async function applyEvents(
  storage: ReadModelStorage,
  events: readonly RecordedEvent[],
  projections: readonly Projection[] = definedProjections,
): Promise<void> {
  for (const event of events) {
    for (const projection of projections) {
      if (!projection.handles.has(event.type)) continue;
      const documents = storage.documents(projection.name);
      const ids = projection.documentIds(event);
      const found = await documents.load(ids);
      const position = positionKey(event.position);
      const changes: DocumentChange[] = [];
      for (const id of ids) {
        const current = found.get(id) ?? null;
        if (current !== null && current._pos >= position) continue;
        const next = projection.evolve(current, event);
        if (next !== current) changes.push({ id, document: next, position });
      }
      await documents.write(changes);
    }
  }
}

/** Every document of the projections, by id: what two ways of building the read models are compared on. */
export async function snapshotReadModels(
  storage: Pick<ReadModelStorage, 'documents'>,
  projections: readonly Projection[] = definedProjections,
): Promise<Partial<Record<ProjectionName, Positioned[]>>> {
  const snapshot: Partial<Record<ProjectionName, Positioned[]>> = {};
  for (const { name } of projections) snapshot[name] = await storage.documents(name).all();
  return snapshot;
}
