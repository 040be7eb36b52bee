import { find } from 'mingo';
import type { Doc } from '../read-store.port';
import { cloneValue } from './document-clone';

/** Copies of the documents, shaped by a MongoDB projection (evaluated by mingo) when one is given. */
export function projectCopies(docs: readonly Doc[], projection: Record<string, 0 | 1> | undefined): Doc[] {
  if (docs.length === 0) return [];
  if (projection === undefined || Object.keys(projection).length === 0) return docs.map(cloneValue);
  return find([...docs], {}, projection)
    .all()
    .map((doc) => idFirst(cloneValue(doc as Doc)));
}

/** mingo appends `_id` after the projected fields; MongoDB keeps it first. */
function idFirst(doc: Doc): Doc {
  if (!Object.hasOwn(doc, '_id')) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}
