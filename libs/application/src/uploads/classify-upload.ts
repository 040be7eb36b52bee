import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Passport } from '@invitations/domain';
import { classifyPerson } from '@invitations/domain';
import { isGiven } from '@invitations/domain';
import { missingNamesForNewPerson } from '@invitations/domain';
import type { PersonDetails } from '@invitations/domain';
import { possibleDuplicateKey } from '@invitations/read-models';
import { ClassifiedRows } from '@invitations/uploads';
import type { DuplicateReason } from '@invitations/domain';
import { ErrorList, MAX_LISTED_ERRORS } from '@invitations/uploads';
import { PackedPeople, type PackedBatch } from '@invitations/uploads';
import { PoolSeatsTaken, UploadLookups } from './upload-lookups';
import { COLUMN_OF_FIELD } from '@invitations/uploads';

export interface ClassifyUploadOptions {
  poolId: string;
  /**
   * The organisation uploading: possible duplicates are flagged only against the people it already has. Without
   * one, no row is flagged.
   */
  organisationId?: string;
  /** Rows per lookup call (a key that rows of the batch share is asked for once per row). */
  lookupBatchSize?: number;
  /** Batches whose lookups run at once, ahead of the batch being classified. */
  lookupConcurrency?: number;
  maxListedErrors?: number;
  /**
   * Told, as classification goes, that the rows before `end` are classified for good: a caller can start on them
   * (say, encoding them to be recorded) while the rest of the file is still being read. `batch` is the batch just
   * classified (it ends at `end`), with its people as unpacked for it, to spare unpacking them again.
   */
  onClassified?: (rows: ClassifiedRows, end: number, batch: ClassifiedBatch) => void;
}

/** A batch of rows just classified: from row index `start`, their people (null for invalid rows). */
export interface ClassifiedBatch {
  start: number;
  people: readonly (PersonDetails | null)[];
}

export interface UploadClassification {
  rows: ClassifiedRows;
  /** First and last names missing on rows that would create a passport. */
  errors: ErrorList;
}

export const DEFAULT_LOOKUP_BATCH_SIZE = 1000;
export const DEFAULT_LOOKUP_CONCURRENCY = 4;

/** Rows as they come, batch by batch (see PackedBatch). */
export type PackedBatches = AsyncIterable<PackedBatch>;

/**
 * Classifies every validated row against the passports and the pool, batch by batch as the rows arrive (a
 * PackedPeople is cut into batches of `lookupBatchSize`); each batch's lookups start as soon as it arrives, a few
 * at a time, and batches are classified in file order, so that of rows sharing an email (or a mobile) the first
 * one is kept and every later one is a duplicate.
 *
 * - Upload status and discrepancies: classifyPerson, against the passports found by email and by mobile.
 * - Duplicates, skipped when confirming: EMAIL_REPEATED_IN_FILE, MOBILE_REPEATED_IN_FILE, ALREADY_IN_POOL
 *   (email or mobile already staged, invited or accepted in the pool), MOBILE_BELONGS_TO_OTHER_PASSPORT.
 * - Names are required for a NEW row that will be staged: a missing one is an error of the upload. A
 *   duplicate is exempt, since confirming skips it.
 * - A row that will be staged is flagged a possible duplicate when its first name, last name and date of
 *   birth match a passport under another email whose holder the organisation already has (its members and
 *   invitees): never against another organisation's people, whose dates of birth names would otherwise reveal.
 * Work and memory are linear in the rows: Maps per batch, two Sets over the file.
 */
export async function classifyUpload(
  input: PackedPeople | PackedBatches,
  options: ClassifyUploadOptions,
  lookups: UploadLookups,
): Promise<UploadClassification> {
  const batchSize = options.lookupBatchSize ?? DEFAULT_LOOKUP_BATCH_SIZE;
  const concurrency = options.lookupConcurrency ?? DEFAULT_LOOKUP_CONCURRENCY;
  const people = new PackedPeople();
  const classifier = new UploadClassifier(
    new ClassifiedRows(people),
    new ErrorList(options.maxListedErrors ?? MAX_LISTED_ERRORS),
  );
  const batches = input instanceof PackedPeople ? cut(input, batchSize) : input;

  const pending: Promise<BatchFacts>[] = [];
  const classifyFirst = async () => {
    const facts = await pending.shift()!;
    classifier.classify(facts);
    options.onClassified?.(classifier.rows, facts.start + facts.people.length, facts);
    // Fast lookups (a cache, the in-memory store) settle as microtasks only: let timers and I/O in.
    await nextTurn();
  };
  for await (const batch of batches) {
    const start = people.length;
    people.pushPacked(batch.people, batch.lines);
    const facts = lookUpBatch(people, start, batch, options, lookups);
    // Awaited in turn below; until then, a failure must not count as an unhandled rejection.
    facts.catch(() => undefined);
    pending.push(facts);
    if (pending.length >= concurrency) await classifyFirst();
  }
  while (pending.length > 0) await classifyFirst();
  return { rows: classifier.rows, errors: classifier.errors };
}

async function* cut(people: PackedPeople, size: number): PackedBatches {
  for (let start = 0; start < people.length; start += size) {
    const slice = people.packedSlice(start, start + size);
    const persons = slice.map((_, offset) => people.at(start + offset));
    yield {
      people: slice,
      lines: people.linesSlice(start, start + size),
      emails: persons.map((person) => person?.email ?? null),
      mobiles: persons.map((person) => person?.mobile ?? null),
    };
  }
}

/** What the read store knows about one batch of rows. */
interface BatchFacts {
  start: number;
  people: (PersonDetails | null)[];
  /** The batch's emails and mobiles as strings of their own (PackedBatch), kept for the rest of the file. */
  emails: readonly (string | null)[];
  mobiles: readonly (string | null)[];
  /** Each row's name key (null without both names), computed once: folding names is not cheap. */
  nameKeys: (string | null)[];
  byEmail: Map<string, Passport>;
  byMobile: Map<string, Passport>;
  byNameKey: Map<string, Passport[]>;
  seats: PoolSeatsTaken;
}

async function lookUpBatch(
  people: PackedPeople,
  start: number,
  rows: PackedBatch,
  { poolId, organisationId }: Pick<ClassifyUploadOptions, 'poolId' | 'organisationId'>,
  lookups: UploadLookups,
): Promise<BatchFacts> {
  const batch: (PersonDetails | null)[] = [];
  const batchNameKeys: (string | null)[] = [];
  // Lists, not Sets: a value that rows share is asked for again, harmlessly (the Maps below key what is found).
  const emails: string[] = [];
  const mobiles: string[] = [];
  const nameKeys: string[] = [];
  for (let offset = 0; offset < rows.people.length; offset += 1) {
    const person = people.at(start + offset);
    const key = person === null ? null : personNameKey(person);
    batch.push(person);
    batchNameKeys.push(key);
    const email = rows.emails[offset];
    const mobile = rows.mobiles[offset];
    if (email !== null) emails.push(email);
    if (mobile !== null) mobiles.push(mobile);
    if (key !== null) nameKeys.push(key);
  }
  const [byEmail, byMobile, byName, seats] = await Promise.all([
    lookups.passportsByEmail(emails),
    mobiles.length > 0 ? lookups.passportsByMobile(mobiles) : [],
    nameKeys.length > 0 && organisationId !== undefined
      ? lookups.passportsByNameKey(organisationId, nameKeys)
      : [],
    lookups.poolSeatsTaken(poolId, emails, mobiles),
  ]);
  return {
    start,
    people: batch,
    emails: rows.emails,
    mobiles: rows.mobiles,
    nameKeys: batchNameKeys,
    byEmail: indexBy(byEmail, (passport) => passport.email),
    byMobile: indexBy(byMobile, (passport) => passport.mobile),
    byNameKey: groupBy(byName, (passport) =>
      possibleDuplicateKey(passport.firstName, passport.lastName, passport.dateOfBirth),
    ),
    seats,
  };
}

/** Classifies batches in file order, remembering the emails and mobiles of the rows before. */
class UploadClassifier {
  private readonly emailsSeen = new Set<string>();
  private readonly mobilesSeen = new Set<string>();

  constructor(
    readonly rows: ClassifiedRows,
    readonly errors: ErrorList,
  ) {}

  classify(facts: BatchFacts): void {
    for (let offset = 0; offset < facts.people.length; offset += 1) {
      const person = facts.people[offset];
      if (person !== null) this.classifyRow(facts.start + offset, person, offset, facts);
    }
  }

  private classifyRow(index: number, person: PersonDetails, offset: number, facts: BatchFacts): void {
    const email = facts.emails[offset] ?? person.email;
    const mobile = facts.mobiles[offset] ?? person.mobile;
    const nameKey = facts.nameKeys[offset];
    const byEmail = facts.byEmail.get(email) ?? null;
    const byMobile = mobile === null ? null : (facts.byMobile.get(mobile) ?? null);
    const classification = classifyPerson(person, byEmail, byMobile);
    const duplicateReasons = this.duplicateReasons(email, mobile, byMobile, facts.seats);
    const staged = duplicateReasons.length === 0;
    if (staged) {
      for (const { field, message } of missingNamesForNewPerson(person, classification)) {
        this.errors.add({
          row: this.rows.lineAt(index),
          field: COLUMN_OF_FIELD[field as keyof typeof COLUMN_OF_FIELD],
          message,
        });
      }
    }
    const possibleDuplicate =
      staged && nameKey !== null && hasPassportUnderAnotherEmail(person, facts.byNameKey.get(nameKey));
    this.rows.set(index, classification, duplicateReasons, possibleDuplicate);
  }

  /** The email and mobile of a row (its own strings, from its PackedBatch: the Sets keep them for the file). */
  private duplicateReasons(
    email: string,
    mobile: string | null,
    byMobile: Passport | null,
    seats: PoolSeatsTaken,
  ): readonly DuplicateReason[] {
    const reasons: DuplicateReason[] = [];
    if (!addedFirstTime(this.emailsSeen, email)) reasons.push('EMAIL_REPEATED_IN_FILE');
    if (mobile !== null && !addedFirstTime(this.mobilesSeen, mobile)) reasons.push('MOBILE_REPEATED_IN_FILE');
    if (seats.emails.has(email) || (mobile !== null && seats.mobiles.has(mobile)))
      reasons.push('ALREADY_IN_POOL');
    if (byMobile !== null && byMobile.email !== email) reasons.push('MOBILE_BELONGS_TO_OTHER_PASSPORT');
    return reasons;
  }
}

/** Adds `value`, answering whether it was new: one hash lookup instead of `has` then `add`. */
function addedFirstTime(set: Set<string>, value: string): boolean {
  const size = set.size;
  set.add(value);
  return set.size > size;
}

function hasPassportUnderAnotherEmail(
  person: PersonDetails,
  sameNameAndBirth: readonly Passport[] | undefined,
): boolean {
  return (
    sameNameAndBirth !== undefined && sameNameAndBirth.some((passport) => passport.email !== person.email)
  );
}

/** Only a row with both names can match on names. */
function personNameKey(person: PersonDetails): string | null {
  if (!isGiven(person.firstName) || !isGiven(person.lastName)) return null;
  return possibleDuplicateKey(person.firstName, person.lastName, person.dateOfBirth);
}

function indexBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const value = key(item);
    if (value !== null) map.set(value, item);
  }
  return map;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const value = key(item);
    const group = map.get(value);
    if (group) group.push(item);
    else map.set(value, [item]);
  }
  return map;
}
