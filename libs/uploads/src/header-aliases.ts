import type { CsvColumn } from './template';

/**
 * The names admins and HR exports give the template's columns, by column. A heading matches when its key (see
 * `headingKey`) is one of these: case, spaces, underscores, dashes, dots, accents, a trailing `*` and a
 * parenthesised hint ("Date of birth (DD/MM/YYYY)") make no difference. Documented in the README's bulk upload
 * section: keep the two the same.
 */
export const COLUMN_ALIASES: Readonly<Record<CsvColumn, readonly string[]>> = {
  email: ['email', 'email address', 'e-mail', 'e-mail address', 'personal email', 'personal email address'],
  date_of_birth: ['date of birth', 'dob', 'birth date', 'birthdate', 'birthday'],
  first_name: ['first name', 'given name', 'forename', 'first'],
  middle_names: ['middle names', 'middle name', 'middle', 'other names', 'other given names'],
  last_name: ['last name', 'surname', 'family name', 'last'],
  preferred_name: ['preferred name', 'preferred first name', 'known as', 'nickname'],
  mobile: [
    'mobile',
    'mobile number',
    'mobile phone',
    'mobile phone number',
    'mobile no',
    'phone',
    'phone number',
    'cell',
    'cell phone',
  ],
  job_role: ['job role', 'role', 'job title', 'position'],
};

/** A heading reduced to what tells columns apart: lower-case letters and digits, accents and hints dropped. */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const COLUMN_BY_KEY: ReadonlyMap<string, CsvColumn> = new Map(
  (Object.entries(COLUMN_ALIASES) as [CsvColumn, readonly string[]][]).flatMap(([column, names]) => [
    [headingKey(column), column] as const,
    ...names.map((name) => [headingKey(name), column] as const),
  ]),
);

/** The template column a heading names, or null for a column the upload does not read. */
export function columnOfHeading(heading: string): CsvColumn | null {
  return COLUMN_BY_KEY.get(headingKey(heading)) ?? null;
}
