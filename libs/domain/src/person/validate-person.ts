import { isEmailAddress } from './email-address';
import { normaliseMobile } from './mobile-number';
import type { PersonDetails } from './person-details';
import { isAscii } from './ascii';
import { freeTextProblem } from '../shared/free-text';

export { normaliseMobile };

/** A person's details as an admin typed them (GraphQL input or one CSV row): anything may be missing or messy. */
export interface PersonInput {
  email?: string | null;
  dateOfBirth?: string | null;
  firstName?: string | null;
  middleNames?: string | null;
  lastName?: string | null;
  preferredName?: string | null;
  mobile?: string | null;
  jobRole?: string | null;
}

export type PersonField = keyof PersonInput;

export interface PersonRules {
  /** ISO 3166 region for national-format mobile numbers (DEFAULT_PHONE_REGION). */
  defaultRegion: string;
  /** Longest value accepted in any field. */
  maxFieldLength: number;
  /** Today's date (YYYY-MM-DD, UTC): a date of birth may not be after it. */
  today: string;
}

export interface PersonFieldError {
  field: PersonField;
  message: string;
}

export type PersonValidation =
  { ok: true; person: PersonDetails } | { ok: false; errors: PersonFieldError[] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Checks and normalises one person's details, with the same rules for a single person and for every CSV row:
 * email trimmed and lower-cased; date of birth `YYYY-MM-DD` or `DD/MM/YYYY`, a real date, not in the future;
 * mobile normalised to E.164, repairing what spreadsheets do to numbers; every field no longer than the limit;
 * names and job role without control or bidirectional formatting characters;
 * empty values become null. Whether names are required depends on the passport check, so it is not decided here.
 * Every problem is reported, not only the first.
 */
export function validatePerson(input: PersonInput, rules: PersonRules): PersonValidation {
  const errors: PersonFieldError[] = [];
  const text = (field: PersonField): string | null => {
    const value = clean(input[field]);
    if (value !== null && value.length > rules.maxFieldLength) {
      errors.push({ field, message: `must be at most ${rules.maxFieldLength} characters` });
    }
    return value;
  };
  /** Names and the job role: free text, refused with control or bidirectional formatting characters. */
  const freeText = (field: PersonField): string | null => {
    const value = text(field);
    const problem = value === null ? null : freeTextProblem(value);
    if (problem !== null) errors.push({ field, message: problem });
    return value;
  };

  const email = text('email')?.toLowerCase() ?? null;
  if (email === null) errors.push({ field: 'email', message: 'is required' });
  else if (!isEmailAddress(email)) errors.push({ field: 'email', message: 'is not a valid email address' });

  const rawDate = text('dateOfBirth');
  const dateOfBirth = rawDate === null ? null : parseDateOfBirth(rawDate);
  if (rawDate === null) errors.push({ field: 'dateOfBirth', message: 'is required' });
  else if (dateOfBirth === null) {
    errors.push({ field: 'dateOfBirth', message: 'must be a real date written YYYY-MM-DD or DD/MM/YYYY' });
  } else if (dateOfBirth > rules.today)
    errors.push({ field: 'dateOfBirth', message: 'must not be in the future' });

  const rawMobile = text('mobile');
  const mobile = rawMobile === null ? null : normaliseMobile(rawMobile, rules.defaultRegion);
  if (rawMobile !== null && mobile === null) {
    errors.push({ field: 'mobile', message: 'is not a valid mobile number (use E.164, e.g. +61412345678)' });
  }

  const person: PersonDetails = {
    email: email ?? '',
    dateOfBirth: dateOfBirth ?? '',
    firstName: freeText('firstName'),
    middleNames: freeText('middleNames'),
    lastName: freeText('lastName'),
    preferredName: freeText('preferredName'),
    mobile,
    jobRole: freeText('jobRole'),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, person };
}

/** Trims, folds Unicode to NFC and turns empty values into null. */
function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // Most values are ASCII, which NFC never changes: no need to ask ICU (a tenth of a row's validation).
  return isAscii(trimmed) ? trimmed : trimmed.normalize('NFC');
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` to `YYYY-MM-DD`, or null when it is not a real date (from 1900 on). */
export function parseDateOfBirth(value: string): string | null {
  const iso = ISO_DATE.exec(value);
  if (iso) return realDate(iso[1], iso[2], iso[3]) ? value : null;
  const dayFirst = DAY_FIRST_DATE.exec(value);
  if (!dayFirst) return null;
  const [, day, month, year] = dayFirst;
  if (!realDate(year, month, day)) return null;
  return [year, month.padStart(2, '0'), day.padStart(2, '0')].join('-');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the digits make a day of the Gregorian calendar, from 1900 on (every row is checked: no Date built). */
function realDate(yearDigits: string, monthDigits: string, dayDigits: string): boolean {
  const year = Number(yearDigits);
  const month = Number(monthDigits);
  const day = Number(dayDigits);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** Trimmed and lower-cased: the form emails are compared and reserved in. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
