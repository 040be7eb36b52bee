import { randomBytes } from 'node:crypto';
import { isEqual } from 'mingo/util';
import type { DeleteResult, Doc, Filter, Update, UpdateResult } from '../read-store.port';
import { cloneValue } from './document-clone';
import type { DocumentTable } from './document-table';
import { upsertSeed } from './filter-equalities';
import { firstMatch, matchingEntries } from './table-queries';
import { applyUpdate, validateUpdate } from './update-applier';
import type { StoredDocument } from './stored-document';

export function nothingUpdated(): UpdateResult {
  return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
}

function upserted(): UpdateResult {
  return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1 };
}

export function insertDocument(table: DocumentTable, document: Doc): void {
  const doc = cloneValue(document);
  doc._id = checkedId(doc._id) ?? newDocumentId();
  table.insert(doc);
}

export interface UpdateScope {
  /** Every matching document, rather than the first. */
  readonly multi: boolean;
  readonly upsert: boolean;
}

/**
 * Applies an update to the first (or every) matching document; with upsert and no match, inserts
 * the filter's equality fields with the update applied, `$setOnInsert` included. As in MongoDB, an
 * upsert whose filter names an existing `_id` that the rest of the filter rejects fails with
 * `DuplicateKeyError`: projections rely on that to skip events they have already applied.
 */
export function updateDocuments(
  table: DocumentTable,
  filter: Filter,
  update: Update,
  scope: UpdateScope,
): UpdateResult {
  const targets = scope.multi ? matchingEntries(table, filter) : optional(firstMatch(table, filter));
  if (targets.length > 0) {
    let modifiedCount = 0;
    for (const target of targets) {
      const outcome = applyUpdate(target.doc, update, { filter, inserting: false });
      if (!outcome.modified) continue;
      try {
        table.replace(target, target.doc, outcome.touchedFields);
      } catch (error) {
        outcome.undo(); // a unique index refused the new values
        throw error;
      }
      modifiedCount += 1;
    }
    return { matchedCount: targets.length, modifiedCount, upsertedCount: 0 };
  }
  if (!scope.upsert) {
    validateUpdate(update); // MongoDB refuses a malformed update even when it matches nothing
    return nothingUpdated();
  }
  const doc = upsertSeed(filter);
  doc._id = checkedId(doc._id) ?? idSetBy(update) ?? newDocumentId();
  applyUpdate(doc as Doc, update, { filter, inserting: true });
  table.insert(doc as Doc);
  return upserted();
}

/** Replaces the first matching document, keeping its `_id`; with upsert and no match, inserts the replacement. */
export function replaceDocument(
  table: DocumentTable,
  filter: Filter,
  replacement: Doc,
  upsert: boolean,
): UpdateResult {
  const fields = Object.keys(replacement);
  if (fields.some((field) => field.startsWith('$')))
    throw new Error('Replacement document must not contain atomic operators');
  const { _id: replacementId, ...rest } = cloneValue(replacement);
  const target = firstMatch(table, filter);
  if (target !== undefined) {
    if (replacementId !== undefined && replacementId !== target.doc._id) {
      throw new Error(
        "After applying the update, the (immutable) field '_id' was found to have been altered",
      );
    }
    const next: Doc = { _id: target.doc._id, ...rest };
    if (isEqual(next, target.doc)) return { matchedCount: 1, modifiedCount: 0, upsertedCount: 0 };
    table.replace(target, next);
    return { matchedCount: 1, modifiedCount: 1, upsertedCount: 0 };
  }
  if (!upsert) return nothingUpdated();
  const _id = checkedId(replacementId) ?? checkedId(upsertSeed(filter)._id) ?? newDocumentId();
  table.insert({ _id, ...rest });
  return upserted();
}

export function deleteDocuments(table: DocumentTable, filter: Filter, multi: boolean): DeleteResult {
  const targets = multi ? matchingEntries(table, filter) : matchingEntries(table, filter, 1);
  for (const target of targets) table.remove(target);
  return { deletedCount: targets.length };
}

function optional(entry: StoredDocument | undefined): StoredDocument[] {
  return entry === undefined ? [] : [entry];
}

/** The `_id` an upsert's update sets, when its filter does not pin one. */
function idSetBy(update: Update): string | undefined {
  return checkedId(update.$setOnInsert?._id) ?? checkedId(update.$set?._id);
}

/** The read store's documents are keyed by string ids. */
function checkedId(id: unknown): string | undefined {
  if (id === undefined || id === null) return undefined;
  if (typeof id !== 'string') throw new Error(`_id must be a string, got ${typeof id}`);
  return id;
}

/** A fresh id in the shape of a MongoDB ObjectId's hex string, for documents inserted without one. */
function newDocumentId(): string {
  return randomBytes(12).toString('hex');
}
