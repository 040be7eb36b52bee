import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Passport } from '@invitations/domain';
import { mulberry32 } from '@invitations/read-models/testing';
import { CSV_COLUMNS, UTF8_BOM } from '@invitations/uploads';

/**
 * Benchmark data for the bulk upload: a realistic CSV file of 150,000 rows, as admins export them from
 * spreadsheets, and 150,000 Skills Passports, some matching rows of the file and most not.
 */
export interface UploadBenchData {
  csvPath: string;
  bytes: number;
  rows: number;
  passports: Passport[];
  /** People already staged in the benchmark's pool. */
  poolSeats: { email: string; mobile: string | null }[];
  /** What the file was built to hold, to check the preview against. */
  expected: Record<RowKind, number>;
}

export interface UploadBenchDataOptions {
  rows?: number;
  passports?: number;
  seed?: number;
}

type RowKind =
  | 'new'
  | 'existing'
  | 'differsFromPassport'
  | 'repeated'
  | 'possibleDuplicate'
  | 'alreadyInPool'
  | 'mobileOfAnotherPassport';

/** Cumulative shares of the rows' kinds (the rest are NEW). */
const KIND_SHARES: [RowKind, number][] = [
  ['existing', 0.4],
  ['differsFromPassport', 0.05],
  ['repeated', 0.015],
  ['possibleDuplicate', 0.005],
  ['alreadyInPool', 0.005],
  ['mobileOfAnotherPassport', 0.003],
];

const FIRST_NAMES = [
  'Zoë',
  'José',
  'Chloé',
  'Siobhán',
  'Łukasz',
  'Søren',
  'Björn',
  'François',
  'Mārama',
  'Aroha',
  'Oliver',
  'Mia',
  'Jack',
  'Charlotte',
  'Noah',
  'Amélie',
  'Thảo',
  'Ngọc',
  'Renée',
  'Seán',
];
const MIDDLE_NAMES = ['', '', '', 'Anne Marie', 'Thị', 'James', 'Élodie', "D'Arcy", 'Văn', 'Louise Grace'];
const LAST_NAMES = [
  "O'Brien",
  'Nguyễn',
  'Müller',
  'García',
  "D'Angelo",
  'Smith',
  'Kowalski',
  'Ó Súilleabháin',
  'Trần',
  'Williams',
  'MacDonald',
  'van der Berg',
  'Brown',
  'Papadopoulos',
  'Ngata',
  'Lê',
  'Øster',
  'Jones',
  'Dubois',
  'Wilson',
];
const JOB_ROLES = [
  '',
  '',
  '',
  'Registered Nurse',
  'Nurse, Enrolled',
  'Personal Care Assistant',
  'Cook',
  'Cleaner',
  'Support Worker "Level 2"',
];

/** Writes the file to `csvPath` and answers the passports that go with it. Deterministic for a seed. */
export async function generateUploadData(
  csvPath: string,
  options: UploadBenchDataOptions = {},
): Promise<UploadBenchData> {
  const rowCount = options.rows ?? 150_000;
  const passportCount = options.passports ?? 150_000;
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  /** Person `id`'s details; ids are unique, and so are the emails and mobiles made from them. */
  const personOf = (id: number): Passport => {
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    return {
      passportId: `passport-${id}`,
      email: `${asciiLetters(firstName)}.${asciiLetters(lastName)}${id}@example.com`,
      dateOfBirth: `${1950 + Math.floor(random() * 55)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
      firstName,
      middleNames: pick(MIDDLE_NAMES) || null,
      lastName,
      preferredName: random() < 0.1 ? firstName.slice(0, 3) : null,
      mobile: random() < 0.8 ? australianMobile(id) : null,
    };
  };

  // Passports not matching any row: the organisation-wide population the file is checked against.
  const passports: Passport[] = [];
  const others: Passport[] = [];
  const matchedShare = KIND_SHARES[0][1] + KIND_SHARES[1][1];
  const otherCount = Math.max(0, passportCount - Math.round(rowCount * matchedShare));
  for (let i = 0; i < otherCount; i += 1) others.push(personOf(1_000_000 + i));
  passports.push(...others);

  const out = createWriteStream(csvPath);
  const poolSeats: UploadBenchData['poolSeats'] = [];
  const expected = Object.fromEntries([...KIND_SHARES.map(([kind]) => [kind, 0]), ['new', 0]]) as Record<
    RowKind,
    number
  >;
  const lines: string[] = [];
  let bytes = 0;
  let pending = [UTF8_BOM + CSV_COLUMNS.join(',')];

  const othersWithMobiles = others.filter((other) => other.mobile !== null);
  for (let i = 0; i < rowCount; i += 1) {
    const kind = i > 0 ? kindOf(random()) : 'new';
    expected[kind] += 1;
    const line = rowLine(kind, i);
    lines.push(line);
    pending.push(line);
    if (pending.length >= 2000) {
      bytes += await write(out, pending);
      pending = [];
    }
  }
  bytes += await write(out, pending);
  out.end();
  await once(out, 'finish');
  return { csvPath, bytes, rows: rowCount, passports, poolSeats, expected };

  function rowLine(kind: RowKind, i: number): string {
    switch (kind) {
      case 'existing': {
        const person = personOf(i);
        passports.push(person);
        return csvLine(asTyped(person, random));
      }
      case 'differsFromPassport': {
        const person = personOf(i);
        passports.push(person);
        return csvLine(asTyped(differing(person, i, random), random));
      }
      case 'repeated':
        return lines[Math.floor(random() * lines.length)];
      case 'possibleDuplicate': {
        const twin = pick(others);
        return csvLine(
          asTyped(
            {
              ...personOf(i),
              firstName: twin.firstName,
              lastName: twin.lastName,
              dateOfBirth: twin.dateOfBirth,
            },
            random,
          ),
        );
      }
      case 'alreadyInPool': {
        const person = personOf(i);
        poolSeats.push({ email: person.email, mobile: person.mobile });
        return csvLine(asTyped(person, random));
      }
      case 'mobileOfAnotherPassport':
        return csvLine(asTyped({ ...personOf(i), mobile: pick(othersWithMobiles).mobile }, random));
      default:
        return csvLine(asTyped(personOf(i), random));
    }
  }
}

function kindOf(draw: number): RowKind {
  let share = 0;
  for (const [kind, kindShare] of KIND_SHARES) {
    share += kindShare;
    if (draw < share) return kind;
  }
  return 'new';
}

/** A passport's details changed in one field, as when an admin has an old date of birth or a new surname. */
function differing(person: Passport, id: number, random: () => number): Passport {
  const draw = random();
  if (draw < 0.4)
    return {
      ...person,
      dateOfBirth: person.dateOfBirth.replace(/-(\d\d)$/, (_, day) => `-${pad((Number(day) % 28) + 1)}`),
    };
  if (draw < 0.7) return { ...person, lastName: `${person.lastName}-Smith` };
  return { ...person, mobile: australianMobile(2_000_000 + id) };
}

/** The details as a person types them into a spreadsheet: dates, mobiles and case in every common shape. */
function asTyped(person: Passport, random: () => number): string[] {
  const [year, month, day] = person.dateOfBirth.split('-');
  const dateOfBirth = random() < 0.5 ? person.dateOfBirth : `${day}/${month}/${year}`;
  const email =
    random() < 0.1
      ? person.email.replace(/^./, (c) => c.toUpperCase()).replace('@example.com', '@Example.com')
      : person.email;
  return [
    email,
    dateOfBirth,
    random() < 0.05 ? person.firstName.toUpperCase() : person.firstName,
    person.middleNames ?? '',
    person.lastName,
    person.preferredName ?? '',
    person.mobile === null ? '' : typedMobile(person.mobile, random()),
    JOB_ROLES[Math.floor(random() * JOB_ROLES.length)],
  ];
}

/** E.164, national, with spaces or dashes, or as Excel leaves it (leading + or 0 dropped). */
function typedMobile(e164: string, draw: number): string {
  const national = `0${e164.slice(3)}`;
  const spaced = `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (draw < 0.3) return e164;
  if (draw < 0.5) return spaced;
  if (draw < 0.6) return spaced.replace(/ /g, '-');
  if (draw < 0.7) return `+61 ${spaced.slice(1)}`;
  if (draw < 0.85) return e164.slice(1);
  return national.slice(1);
}

/** A valid Australian mobile, unique per id (04 00..39 then six digits). */
function australianMobile(id: number): string {
  return `+614${pad(id % 40)}${String(Math.floor(id / 40)).padStart(6, '0')}`;
}

function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

function asciiLetters(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

async function write(out: NodeJS.WritableStream, lines: string[]): Promise<number> {
  if (lines.length === 0) return 0;
  const chunk = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
  if (!out.write(chunk)) await once(out, 'drain');
  return chunk.length;
}
