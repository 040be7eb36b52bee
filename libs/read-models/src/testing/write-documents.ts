import type { Positioned, ProjectionName } from '../projection/projection';
import type { ReadModelSet } from '../read-model-set';

/**
 * Writes documents straight into a read model, each as applied at its own `_pos` (as its projection would have
 * written it): a query's contract is tested on the documents it reads, whatever events made them.
 */
export function writeDocuments(
  readModels: ReadModelSet,
  name: ProjectionName,
  docs: readonly Positioned[],
): Promise<void> {
  return readModels.storage
    .documents(name)
    .write(docs.map((doc) => ({ id: doc._id, document: doc, position: doc._pos })));
}
