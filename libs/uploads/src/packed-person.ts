import { personFromValues, type PersonDetails } from '@invitations/domain';

/**
 * Validated rows are kept as one string each (the fields joined by NUL, which validation keeps out of
 * every cell) rather than as objects: about a third of the memory, and one flat string that holds no
 * reference to the parser's chunk strings. 150,000 rows take a few tens of MB.
 */
const SEPARATOR = '\u0000';

export function packPerson(person: PersonDetails): string {
  return [
    person.email,
    person.dateOfBirth,
    person.firstName ?? '',
    person.middleNames ?? '',
    person.lastName ?? '',
    person.preferredName ?? '',
    person.mobile ?? '',
    person.jobRole ?? '',
  ].join(SEPARATOR);
}

/**
 * The fields of a packed person, in packing order (email, dateOfBirth, firstName, middleNames, lastName,
 * preferredName, mobile, jobRole: the order UploadRowsRecorded lists them in), '' as null; no object built.
 */
export function unpackFields(packed: string): (string | null)[] {
  const fields: (string | null)[] = packed.split(SEPARATOR);
  for (let i = 2; i < fields.length; i += 1) if (fields[i] === '') fields[i] = null;
  return fields;
}

/** Validated details never hold empty strings (they become null), so '' unpacks as null. */
export function unpackPerson(packed: string): PersonDetails {
  return personFromValues(unpackFields(packed));
}

export function holdsSeparator(value: string): boolean {
  return value.includes(SEPARATOR);
}

/**
 * Consecutive rows as they come to be classified: each row's person packed (packPerson), and its email and mobile as
 * strings of their own (null for an invalid row, and for a row without a mobile). Sent from a validation worker, these
 * are strings the receiver holds alone, rather than cuts of a packed row that would keep the row alive.
 */
export interface PackedBatch {
  readonly people: readonly (string | null)[];
  /** Each row's line in the file: what errors, duplicates and the recorded rows are numbered by. */
  readonly lines: readonly number[];
  readonly emails: readonly (string | null)[];
  readonly mobiles: readonly (string | null)[];
}

/** What a row let go of (see PackedPeople.forget) holds: no packed person is empty (its email is not). */
const FORGOTTEN = '';

/**
 * The validated people of an upload, by data row (0-based index), each with its line in the file; a row that failed
 * validation holds null. A row added without its line is taken to be on line index + 2: a file whose header is
 * line 1, without blank lines.
 */
export class PackedPeople {
  private readonly packed: (string | null)[] = [];
  private readonly lines: number[] = [];

  push(person: PersonDetails | null, line = this.packed.length + 2): void {
    this.packed.push(person === null ? null : packPerson(person));
    this.lines.push(line);
  }

  /** Appends rows already packed (packPerson), or null for invalid ones, on the given lines. */
  pushPacked(packed: readonly (string | null)[], lines?: readonly number[]): void {
    for (let offset = 0; offset < packed.length; offset += 1) {
      this.lines.push(lines?.[offset] ?? this.packed.length + 2);
      this.packed.push(packed[offset]);
    }
  }

  /** The packed rows from `start` to `end` (excluded). */
  packedSlice(start: number, end: number): (string | null)[] {
    return this.packed.slice(start, end);
  }

  /** The lines of the rows from `start` to `end` (excluded). */
  linesSlice(start: number, end: number): number[] {
    return this.lines.slice(start, end);
  }

  /** The line in the file of the data row at `index`. */
  lineAt(index: number): number {
    return this.lines[index] ?? index + 2;
  }

  /** The number of data rows. */
  get length(): number {
    return this.packed.length;
  }

  /** The packed person on the data row at `index`, or null when that row was invalid. */
  packedAt(index: number): string | null {
    const packed = this.packed[index] ?? null;
    if (packed === FORGOTTEN)
      throw new Error(`The details of the row on line ${this.lineAt(index)} were let go.`);
    return packed;
  }

  /** The person on the data row at `index` (0-based), or null when that row was invalid. */
  at(index: number): PersonDetails | null {
    const packed = this.packedAt(index);
    return packed === null ? null : unpackPerson(packed);
  }

  /**
   * Lets go of the person on a valid row, whose details are kept elsewhere (encoded for the record, say): asking
   * for them later throws. An invalid row stays null.
   */
  forget(index: number): void {
    if (this.packed[index] !== null && index < this.packed.length) this.packed[index] = FORGOTTEN;
  }
}
