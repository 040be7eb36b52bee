/** What lists of pools and batches are ordered by. */
interface Created {
  readonly createdAt: string;
  readonly _id: string;
}

/** Oldest first, then by id: the order lists of pools and batches are shown in. */
export function byCreation(a: Created, b: Created): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** Adds a document to the list under `key`, in creation order (lists are short: a pool's batches, an org's pools). */
export function insertInCreationOrder<D extends Created>(lists: Map<string, D[]>, key: string, doc: D): void {
  const list = lists.get(key);
  if (list === undefined) {
    lists.set(key, [doc]);
    return;
  }
  let index = list.length;
  while (index > 0 && byCreation(list[index - 1], doc) > 0) index -= 1;
  list.splice(index, 0, doc);
}

/** Takes a document out of the list under `key`, and the list once empty. */
export function removeFromList<D>(lists: Map<string, D[]>, key: string, doc: D): void {
  const list = lists.get(key);
  if (list === undefined) return;
  const index = list.indexOf(doc);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) lists.delete(key);
}
