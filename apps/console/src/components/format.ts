const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
// A calendar date (YYYY-MM-DD, e.g. a date of birth) is no instant: shown as written, whatever the time zone.
const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const number = new Intl.NumberFormat();

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : '';
/** A date, or what stands in its place (`[erased]`) as it is. */
export const formatDate = (iso: string | null | undefined): string =>
  !iso
    ? ''
    : Number.isNaN(Date.parse(iso))
      ? iso
      : CALENDAR_DATE.test(iso)
        ? calendarDate.format(new Date(`${iso}T00:00:00Z`))
        : date.format(new Date(iso));
export const formatCount = (n: number): string => number.format(n);

/** "1 person", "37 people". */
export const people = (n: number): string => `${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;

/** The name a person goes by in lists: preferred name, else first name, with the last name. */
export function displayName(p: {
  firstName?: string | null;
  preferredName?: string | null;
  lastName?: string | null;
}): string {
  return [p.preferredName || p.firstName, p.lastName].filter(Boolean).join(' ');
}

const FIELD_NAMES: Record<string, string> = {
  EMAIL: 'email',
  FIRST_NAME: 'first name',
  MIDDLE_NAMES: 'middle names',
  LAST_NAME: 'last name',
  DATE_OF_BIRTH: 'date of birth',
  MOBILE: 'mobile',
};

/** "date of birth, last name": the fields that differ from the Skills Passport, never their values. */
export const fieldList = (fields: readonly string[]): string =>
  fields.map((f) => FIELD_NAMES[f] ?? f).join(', ');
