import type { DocumentChange, DocumentStore } from '../projection/document-store';
import { positionKey } from '../projection/projection';
import { withInviteeScope, type AuditEntryDoc, type InviteeScope } from './audit-entry.document';
import {
  matchesAudit,
  type AuditEntryFields,
  type AuditLog,
  type AuditPage,
  type AuditQuery,
} from './audit.port';

/**
 * The entries in columns, an entry being an index into each: the audit keeps an entry per event (about seven per
 * person invited, a million for a 150,000-row confirmation), and an object per entry, with its id string and its
 * slot in a Map by id, was three or four objects per event for every full collection to mark. Here an entry is a
 * number in typed arrays (which a collection does not even look into) and references to its stream's id and its
 * time, and a document is made only when one is asked for (a page, a load). The strings an entry names (its
 * organisation, type, actor, pool, batch, invitee) are held once each, in `words`, and columns hold their codes.
 */
interface AuditColumns {
  /** The event's position (the entry's `_id` and `_pos`, as a number: positions stay below 2^53). */
  readonly positions: GrowingColumn<Float64Array>;
  readonly revisions: GrowingColumn<Float64Array>;
  /** The organisation's code; NONE once the entry is taken out (nothing takes an entry out but a deletion). */
  readonly organisations: GrowingColumn<Int32Array>;
  readonly types: GrowingColumn<Int32Array>;
  readonly actors: GrowingColumn<Int32Array>;
  readonly actorNames: GrowingColumn<Int32Array>;
  readonly pools: GrowingColumn<Int32Array>;
  readonly batches: GrowingColumn<Int32Array>;
  readonly invitees: GrowingColumn<Int32Array>;
  /** The stream's id (a command's events share their stream, so consecutive entries share one string). */
  readonly streams: string[];
  /**
   * When the event was recorded. A time repeats only from one entry to the next (a command's events): a code would
   * cost a lookup and a slot in `words` for each new time, so each entry holds its string (the previous entry's
   * when they are the same).
   */
  readonly ats: string[];
}

/** The columns that hold codes of strings. */
type CodedColumn = 'organisations' | 'types' | 'actors' | 'actorNames' | 'pools' | 'batches' | 'invitees';

/** The code of null (and of an entry taken out, in `organisations`). */
const NONE = -1;

/** A typed array that grows as entries are added (doubling), read straight through `values`. */
class GrowingColumn<A extends Float64Array | Int32Array> {
  values: A;
  constructor(private readonly make: (length: number) => A) {
    this.values = make(1024);
  }
  set(index: number, value: number): void {
    if (index >= this.values.length) {
      const grown = this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[index] = value;
  }
}

const floats = () => new GrowingColumn((length) => new Float64Array(length));
const ints = () => new GrowingColumn((length) => new Int32Array(length));

/** Each string the entries name, once, with its code: the columns hold codes. */
class Words {
  private readonly codes = new Map<string, number>();
  readonly strings: string[] = [];

  /** The code of `value`; `previous` is the code the previous entry had in that column, its likely answer. */
  codeOf(value: string | null, previous: number): number {
    if (value === null) return NONE;
    // Consecutive entries nearly always share their organisation, actor, time, pool and batch, often their invitee:
    // comparing with the previous entry's string spares hashing a string just decoded.
    if (previous !== NONE && this.strings[previous] === value) return previous;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.strings.length;
      this.codes.set(value, code);
      this.strings.push(value);
    }
    return code;
  }

  /** The code of a string known, else undefined (a query's value the entries never named). */
  known(value: string): number | undefined {
    return this.codes.get(value);
  }

  at(code: number): string | null {
    return code === NONE ? null : this.strings[code];
  }
}

/** Lists of entries (their indexes), each in log order. */
type EntryList = number[];

/**
 * An organisation's lists: all its entries, and each pool's, batch's, invitee's and actor's, by the code of its
 * id. A page walks the shortest list the query names.
 */
interface OrganisationLists {
  readonly all: EntryList;
  readonly byPool: Map<number, EntryList>;
  readonly byBatch: Map<number, EntryList>;
  readonly byInvitee: Map<number, EntryList>;
  readonly byActor: Map<number, EntryList>;
}

/** What narrows the lists, each with the column holding the entry's code and the query's field. */
const NARROWING = [
  ['byPool', 'pools', 'poolId'],
  ['byBatch', 'batches', 'batchId'],
  ['byInvitee', 'invitees', 'inviteeId'],
  ['byActor', 'actors', 'actor'],
] as const;

interface AuditState {
  readonly columns: AuditColumns;
  readonly words: Words;
  /** Every entry held, in log order: whether a position is held already, and `all()`. */
  readonly ordered: EntryList;
  readonly organisations: Map<number, OrganisationLists>;
  /** Each invitee's first entry that names its pool and batch (they never change), by the invitee's code. */
  readonly scopes: Map<number, number>;
  size: number;
}

const emptyState = (): AuditState => ({
  columns: {
    positions: floats(),
    revisions: floats(),
    organisations: ints(),
    types: ints(),
    actors: ints(),
    actorNames: ints(),
    pools: ints(),
    batches: ints(),
    invitees: ints(),
    streams: [],
    ats: [],
  },
  words: new Words(),
  ordered: [],
  organisations: new Map(),
  scopes: new Map(),
  size: 0,
});

/** The position an entry id (`positionKey`'s form) stands for. */
function positionOf(id: string): number {
  const position = Number(id);
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`The audit's entry id ${JSON.stringify(id)} is not a log position it can hold`);
  }
  return position;
}

/** The first index of `list` whose entry comes after `position`. */
function firstAfter(list: EntryList, positions: Float64Array, position: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[list[middle]] <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Files an entry in a list in log order (nearly always at its end). */
function insert(list: EntryList, positions: Float64Array, entry: number): void {
  const position = positions[entry];
  if (list.length === 0 || positions[list[list.length - 1]] < position) list.push(entry);
  else list.splice(firstAfter(list, positions, position), 0, entry);
}

/** Takes an entry out of a list in log order; true when the list is left empty. */
function takeOut(list: EntryList, positions: Float64Array, entry: number): boolean {
  const index = firstAfter(list, positions, positions[entry]) - 1;
  if (index >= 0 && list[index] === entry) list.splice(index, 1);
  return list.length === 0;
}

/**
 * One entry's fields read from the columns, for the query's filter: moved from entry to entry as a page walks a
 * list, so that entries the query skips are never made into documents.
 */
class EntryCursor implements AuditEntryFields {
  index = 0;
  constructor(private readonly state: AuditState) {}
  private word(column: CodedColumn) {
    return this.state.words.at(this.state.columns[column].values[this.index]);
  }
  get organisationId(): string {
    return this.word('organisations') ?? '';
  }
  get type(): string {
    return this.word('types')!;
  }
  get at(): string {
    return this.state.columns.ats[this.index];
  }
  get actor(): string | null {
    return this.word('actors');
  }
  get poolId(): string | null {
    return this.word('pools');
  }
  get batchId(): string | null {
    return this.word('batches');
  }
  get inviteeId(): string | null {
    return this.word('invitees');
  }
}

/** The `audit` read model in memory, an entry per event held in columns (see AuditColumns). */
export class InMemoryAudit implements DocumentStore<AuditEntryDoc>, AuditLog {
  private state = emptyState();

  get size(): number {
    return this.state.size;
  }

  /** An entry is filed in its lists as it is written (in log order, at their ends): nothing waits for the end. */
  startBuilding(): void {}

  finishBuilding(): void {}

  /** Exchanges contents with another audit: how a version built aside is switched in. */
  swapContents(other: InMemoryAudit): void {
    const mine = this.state;
    this.state = other.state;
    other.state = mine;
  }

  async load(ids: readonly string[]): Promise<ReadonlyMap<string, AuditEntryDoc>> {
    const found = new Map<string, AuditEntryDoc>();
    for (const id of ids) {
      const entry = this.entryAt(positionOf(id));
      if (entry !== undefined) found.set(id, this.document(entry));
    }
    return found;
  }

  async all(): Promise<AuditEntryDoc[]> {
    return this.state.ordered.map((entry) => this.document(entry));
  }

  /**
   * Entries are written once (an entry already held is that event's, delivered again) and in log order, so an
   * invitee's pool and batch are known by its later events.
   */
  async write(changes: readonly DocumentChange<AuditEntryDoc>[]): Promise<void> {
    for (const { id, document } of changes) {
      const existing = this.entryAt(positionOf(id));
      if (document === null) {
        if (existing !== undefined) this.takeOut(existing);
      } else if (existing === undefined) this.add(document);
    }
  }

  async page(query: AuditQuery, first: number, after: string | null): Promise<AuditPage> {
    const { columns, organisations, words } = this.state;
    const organisation = words.known(query.organisationId);
    const lists = organisation === undefined ? undefined : organisations.get(organisation);
    let list: EntryList = lists?.all ?? [];
    if (lists !== undefined) {
      for (const [key, , field] of NARROWING) {
        const value = query[field];
        if (!value) continue;
        const code = words.known(value);
        const candidate = (code !== undefined && lists[key].get(code)) || [];
        if (candidate.length < list.length) list = candidate;
      }
    }
    const entries: AuditEntryDoc[] = [];
    let hasNextPage = false;
    const cursor = new EntryCursor(this.state);
    const positions = columns.positions.values;
    const start = after === null ? 0 : firstAfter(list, positions, positionOf(after));
    for (let index = start; index < list.length; index += 1) {
      cursor.index = list[index];
      if (!matchesAudit(cursor, query)) continue;
      if (entries.length === first) {
        hasNextPage = true;
        break;
      }
      entries.push(this.document(cursor.index));
    }
    return { entries, hasNextPage, endCursor: entries.at(-1)?._id ?? null };
  }

  /** The entry held for this position, if any (nearly always asked of a position past every entry's). */
  private entryAt(position: number): number | undefined {
    const { ordered, columns } = this.state;
    const positions = columns.positions.values;
    if (ordered.length === 0 || positions[ordered[ordered.length - 1]] < position) return undefined;
    const index = firstAfter(ordered, positions, position) - 1;
    const entry = ordered[index];
    return index >= 0 && positions[entry] === position ? entry : undefined;
  }

  /** The entry as a document (a new object each time: readers may keep it). */
  private document(entry: number): AuditEntryDoc {
    const { columns, words } = this.state;
    const key = positionKey(BigInt(columns.positions.values[entry]));
    return {
      _id: key,
      organisationId: words.at(columns.organisations.values[entry])!,
      type: words.at(columns.types.values[entry])!,
      at: columns.ats[entry],
      actor: words.at(columns.actors.values[entry]),
      actorName: words.at(columns.actorNames.values[entry]),
      stream: columns.streams[entry],
      revision: String(columns.revisions.values[entry]),
      poolId: words.at(columns.pools.values[entry]),
      batchId: words.at(columns.batches.values[entry]),
      inviteeId: words.at(columns.invitees.values[entry]),
      _pos: key,
    };
  }

  private add(doc: AuditEntryDoc): void {
    const state = this.state;
    const { columns } = state;
    // The entry's index: as many as the columns hold (taken out ones included).
    const entry = columns.streams.length;
    state.size += 1;
    columns.positions.set(entry, positionOf(doc._id));
    columns.revisions.set(entry, Number(doc.revision));
    this.code(entry, 'organisations', doc.organisationId);
    this.code(entry, 'types', doc.type);
    this.code(entry, 'actors', doc.actor);
    this.code(entry, 'actorNames', doc.actorName);
    const previousStream = entry > 0 ? columns.streams[entry - 1] : undefined;
    columns.streams.push(previousStream === doc.stream ? previousStream : doc.stream);
    const previousAt = entry > 0 ? columns.ats[entry - 1] : undefined;
    columns.ats.push(previousAt === doc.at ? previousAt : doc.at);
    const invitee = this.code(entry, 'invitees', doc.inviteeId);
    // An invitee's later events name only the invitee: their pool and batch are those its first entries named.
    const scope = invitee === NONE ? undefined : state.scopes.get(invitee);
    const filled = scope === undefined ? doc : withInviteeScope(doc, () => this.scopeOf(scope));
    const pool = this.code(entry, 'pools', filled.poolId);
    const batch = this.code(entry, 'batches', filled.batchId);
    if (scope === undefined && invitee !== NONE && pool !== NONE && batch !== NONE)
      state.scopes.set(invitee, entry);

    const positions = columns.positions.values;
    insert(state.ordered, positions, entry);
    const organisation = columns.organisations.values[entry];
    let lists = state.organisations.get(organisation);
    if (lists === undefined) {
      lists = { all: [], byPool: new Map(), byBatch: new Map(), byInvitee: new Map(), byActor: new Map() };
      state.organisations.set(organisation, lists);
    }
    insert(lists.all, positions, entry);
    for (const [key, column] of NARROWING) {
      const code = columns[column].values[entry];
      if (code === NONE) continue;
      const list = lists[key].get(code);
      if (list === undefined) lists[key].set(code, [entry]);
      else insert(list, positions, entry);
    }
  }

  /** Puts the code of `value` in the entry's slot of the column, and answers it. */
  private code(entry: number, column: CodedColumn, value: string | null): number {
    const values = this.state.columns[column];
    const coded = this.state.words.codeOf(value, entry > 0 ? values.values[entry - 1] : NONE);
    values.set(entry, coded);
    return coded;
  }

  /** The pool and batch of the entry that gave an invitee its scope. */
  private scopeOf(entry: number): InviteeScope {
    const { columns, words } = this.state;
    return {
      poolId: words.at(columns.pools.values[entry])!,
      batchId: words.at(columns.batches.values[entry])!,
    };
  }

  /** Takes an entry out of every list; its slots in the columns stay, unreachable. */
  private takeOut(entry: number): void {
    const state = this.state;
    const { columns } = state;
    const organisation = columns.organisations.values[entry];
    if (organisation === NONE) return;
    const positions = columns.positions.values;
    takeOut(state.ordered, positions, entry);
    state.size -= 1;
    const invitee = columns.invitees.values[entry];
    if (invitee !== NONE && state.scopes.get(invitee) === entry) state.scopes.delete(invitee);
    columns.organisations.values[entry] = NONE;
    const lists = state.organisations.get(organisation);
    if (lists === undefined) return;
    takeOut(lists.all, positions, entry);
    for (const [key, column] of NARROWING) {
      const code = columns[column].values[entry];
      if (code === NONE) continue;
      const list = lists[key].get(code);
      if (list !== undefined && takeOut(list, positions, entry)) lists[key].delete(code);
    }
    if (lists.all.length === 0) state.organisations.delete(organisation);
  }
}
