import type { RecordedEvent } from '@invitations/event-store';
import type { Doc, ReadStore } from '@invitations/read-store';
import { allProjections } from '@invitations/read-models';
import { liveCollections, type CollectionNaming } from '../projections/indexes';
import type { Projection, ProjectionName } from '@invitations/read-models';
import { WriteBatch } from '../projections/write-batch';

/** Applies events one at a time (one bulk write each), as the slowest runner would. */
export async function applyEvents(
  readStore: ReadStore,
  events: readonly RecordedEvent[],
  projections: readonly Projection[] = allProjections,
): Promise<void> {
  for (const event of events) {
    const batch = new WriteBatch(liveCollections);
    for (const projection of projections) batch.add(projection.project(event));
    await batch.apply(readStore);
  }
}

/** Every read model's documents, by `_id`: what two ways of building them are compared on. */
export async function snapshotReadModels(
  readStore: ReadStore,
  naming: CollectionNaming = liveCollections,
): Promise<Record<ProjectionName, Doc[]>> {
  const snapshot = {} as Record<ProjectionName, Doc[]>;
  for (const { name } of allProjections) {
    snapshot[name] = await readStore.collection(naming(name)).find({}, { sort: { _id: 1 } });
  }
  return snapshot;
}
