import {
  DUPLICATE_REASONS,
  PERSON_DETAIL_FIELDS,
  PROFILE_FIELDS,
  type DuplicateReason,
  type PersonDetails,
  type PersonDetailValues,
  type ProfileField,
  type UploadRow,
  type UploadRowValues,
  type UploadStatus,
} from '@invitations/domain';
import { PackedPeople, unpackFields } from './packed-person';

/** How a row compares with the passports (classifyPerson's answer). */
export interface RowClassification {
  uploadStatus: UploadStatus;
  discrepancies: readonly ProfileField[];
  passportId: string | null;
}

const STATUSES: readonly UploadStatus[] = ['NEW', 'EXISTING', 'INVALID'];
const POSSIBLE_DUPLICATE_FLAG = 1 << DUPLICATE_REASONS.length;

/**
 * Every classified row of an upload, stored compactly: the person as one packed string, the status, the
 * discrepancies and the duplicate reasons as bits in typed arrays. A row becomes a UploadRow object
 * only when asked for, so 150,000 rows cost tens of MB rather than hundreds.
 */
export class ClassifiedRows implements Iterable<UploadRow> {
  /** 0 while unclassified, else 1 + index in STATUSES. */
  private statuses: Uint8Array;
  private discrepancyBits: Uint8Array;
  /** Duplicate reasons as bits in DUPLICATE_REASONS order, and POSSIBLE_DUPLICATE_FLAG. */
  private flags: Uint8Array;
  private readonly passportIds: (string | null)[] = [];

  /** `people` may grow after this (rows classified as they arrive): the arrays grow with it. */
  constructor(private readonly people: PackedPeople) {
    const capacity = Math.max(1024, people.length);
    this.statuses = new Uint8Array(capacity);
    this.discrepancyBits = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  get length(): number {
    return this.people.length;
  }

  /** Records the classification of the data row at `index` (0-based). */
  set(
    index: number,
    classification: RowClassification,
    duplicateReasons: readonly DuplicateReason[],
    possibleDuplicate: boolean,
  ): void {
    if (index >= this.statuses.length) this.grow(index + 1);
    this.statuses[index] = 1 + STATUSES.indexOf(classification.uploadStatus);
    this.discrepancyBits[index] = toBits(PROFILE_FIELDS, classification.discrepancies);
    this.flags[index] =
      toBits(DUPLICATE_REASONS, duplicateReasons) | (possibleDuplicate ? POSSIBLE_DUPLICATE_FLAG : 0);
    this.passportIds[index] = classification.passportId;
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, this.statuses.length * 2);
    const grown = (bytes: Uint8Array) => {
      const larger = new Uint8Array(capacity);
      larger.set(bytes);
      return larger;
    };
    this.statuses = grown(this.statuses);
    this.discrepancyBits = grown(this.discrepancyBits);
    this.flags = grown(this.flags);
  }

  /** The row at `index` (0-based), or undefined when out of range or never classified. */
  at(index: number): UploadRow | undefined {
    const person = index >= 0 && index < this.length ? this.people.at(index) : null;
    const status = this.statusAt(index);
    if (person === null || status === undefined) return undefined;
    return {
      row: this.people.lineAt(index),
      person,
      uploadStatus: status,
      discrepancies: fromBits(PROFILE_FIELDS, this.discrepancyBits[index]),
      passportId: this.passportIds[index] ?? null,
      duplicateReasons: this.duplicateReasonsAt(index),
      possibleDuplicate: this.isPossibleDuplicate(index),
    };
  }

  /**
   * Rows `start` to `end` (0-based, end excluded) as UploadRowsRecorded lists them: each row's values in
   * UPLOAD_ROW_COLUMNS order, built from the packed person without a person object, or from the person `personAt`
   * gives, when the caller has the rows' people unpacked already.
   */
  valuesSlice(
    start: number,
    end = this.length,
    personAt?: (index: number) => PersonDetails | null,
  ): UploadRowValues[] {
    const rows: UploadRowValues[] = [];
    for (let index = Math.max(0, start); index < Math.min(end, this.length); index += 1) {
      const status = this.statusAt(index);
      if (status === undefined) continue;
      const values = personAt === undefined ? this.packedValues(index) : personValues(personAt(index));
      if (values === null) continue;
      // Built in place (no spread): a 150,000-row preview builds these for every row.
      const row = [this.people.lineAt(index)] as unknown as UploadRowValues;
      for (let field = 0; field < values.length; field += 1) row[field + 1] = values[field];
      row.push(
        status,
        fromBitsOrNone(PROFILE_FIELDS, this.discrepancyBits[index]),
        this.passportIds[index] ?? null,
        fromBitsOrNone(DUPLICATE_REASONS, this.flags[index] & ~POSSIBLE_DUPLICATE_FLAG),
        this.isPossibleDuplicate(index),
      );
      rows.push(row);
    }
    return rows;
  }

  private packedValues(index: number): PersonDetailValues | null {
    const packed = this.people.packedAt(index);
    return packed === null ? null : (unpackFields(packed) as PersonDetailValues);
  }

  *[Symbol.iterator](): Iterator<UploadRow> {
    for (let index = 0; index < this.length; index += 1) {
      const row = this.at(index);
      if (row) yield row;
    }
  }

  /** The line in the file of the data row at `index`. */
  lineAt(index: number): number {
    return this.people.lineAt(index);
  }

  statusAt(index: number): UploadStatus | undefined {
    const status = index < this.statuses.length ? this.statuses[index] : 0;
    return status ? STATUSES[status - 1] : undefined;
  }

  isDuplicate(index: number): boolean {
    return (this.flags[index] & ~POSSIBLE_DUPLICATE_FLAG) !== 0;
  }

  duplicateReasonsAt(index: number): DuplicateReason[] {
    return fromBits(DUPLICATE_REASONS, this.flags[index]);
  }

  isPossibleDuplicate(index: number): boolean {
    return (this.flags[index] & POSSIBLE_DUPLICATE_FLAG) !== 0;
  }

  /** The person on a row, without building the rest of the row. */
  personAt(index: number): PersonDetails | null {
    return this.people.at(index);
  }

  /**
   * Lets go of the people on the classified rows `start` to `end` (0-based, end excluded) whose details are kept
   * elsewhere (encoded for the record) and that a preview does not list: all but duplicates and possible duplicates,
   * whose people stay. The rows' classification stays; their people, values and UploadRow can no longer be had.
   */
  forgetPeople(start: number, end: number): void {
    for (let index = Math.max(0, start); index < Math.min(end, this.length); index += 1) {
      if (this.statusAt(index) !== undefined && this.flags[index] === 0) this.people.forget(index);
    }
  }
}

function personValues(person: PersonDetails | null): PersonDetailValues | null {
  return person === null ? null : (PERSON_DETAIL_FIELDS.map((field) => person[field]) as PersonDetailValues);
}

/** Shared by every row without any: values to be encoded, never changed. */
const NONE = Object.freeze([]) as readonly never[];

/** fromBits, with the one frozen empty list when no bit is set (most rows). */
function fromBitsOrNone<T>(all: readonly T[], bits: number): T[] {
  return bits === 0 ? (NONE as unknown as T[]) : fromBits(all, bits);
}

function toBits<T>(all: readonly T[], chosen: readonly T[]): number {
  let bits = 0;
  for (const value of chosen) bits |= 1 << all.indexOf(value);
  return bits;
}

function fromBits<T>(all: readonly T[], bits: number): T[] {
  return all.filter((_, index) => (bits & (1 << index)) !== 0);
}
