import type { ReadStore } from '@invitations/read-store';
import { selectProjections } from '@invitations/read-models';
import type { Projection, ProjectionName } from '@invitations/read-models';

/** Where a projection's collection lives: its own name, or another one while it is rebuilt. */
export type CollectionNaming = (name: ProjectionName) => string;

export const liveCollections: CollectionNaming = (name) => name;

export interface EnsureIndexesOptions {
  /** The projections whose indexes to create (all by default). */
  projections?: readonly Projection[];
  /** The collections to create them on (the live ones by default). */
  collectionName?: CollectionNaming;
}

/** Creates the read models' indexes. Idempotent: creating an index that exists changes nothing. */
export async function ensureReadModelIndexes(
  readStore: ReadStore,
  options: EnsureIndexesOptions = {},
): Promise<void> {
  const projections = options.projections ?? selectProjections();
  const collectionName = options.collectionName ?? liveCollections;
  for (const projection of projections) {
    await readStore.collection(collectionName(projection.name)).createIndexes(projection.indexes);
  }
}
