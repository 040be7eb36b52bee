import type { ReadStore } from '@invitations/read-store';
import type { ProjectionName } from '@invitations/read-models';
import type { CheckpointDoc } from '@invitations/read-models';

export const CHECKPOINTS = 'checkpoints';

/** The checkpoint of a projection that has applied nothing: the log's positions start at 0. */
export const NO_POSITION = -1n;

/** Each projection's checkpoint, NO_POSITION for those without one. */
export async function loadCheckpoints(
  readStore: ReadStore,
  names: readonly ProjectionName[],
): Promise<Map<ProjectionName, bigint>> {
  const docs = await readStore.collection<CheckpointDoc>(CHECKPOINTS).find({ _id: { $in: [...names] } });
  const stored = new Map(docs.map((doc) => [doc._id, BigInt(doc.position)]));
  return new Map(names.map((name) => [name, stored.get(name) ?? NO_POSITION]));
}

/** Records that the projections have applied the log up to `position` (included). */
export async function saveCheckpoints(
  readStore: ReadStore,
  names: readonly ProjectionName[],
  position: bigint,
): Promise<void> {
  if (names.length === 0) return;
  const operations = names.map((name) => ({
    updateOne: { filter: { _id: name }, update: { $set: { position: position.toString() } }, upsert: true },
  }));
  await readStore.collection<CheckpointDoc>(CHECKPOINTS).bulkWrite(operations);
}
