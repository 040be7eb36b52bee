import { freeTextProblem } from '@invitations/domain';
import { FieldError } from './field-error';

/** What the admin records for the whole cohort of a bulk upload (the contract's `CohortInput`). */
export interface CohortInput {
  staffType?: string | null;
  jobRole?: string | null;
  /** YYYY-MM-DD. */
  startDate?: string | null;
}

/** The cohort as recorded: trimmed, empty values null. */
export interface Cohort {
  staffType: string | null;
  jobRole: string | null;
  startDate: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CohortValidation = { cohort: Cohort; errors: FieldError[] };

/**
 * Trims the cohort's values and checks them with the rules of a row's fields (length, no control or bidirectional
 * formatting characters); errors name `cohort.<field>`.
 */
export function validateCohort(
  input: CohortInput | null | undefined,
  maxFieldLength: number,
): CohortValidation {
  const cohort: Cohort = {
    staffType: clean(input?.staffType),
    jobRole: clean(input?.jobRole),
    startDate: clean(input?.startDate),
  };
  const errors: FieldError[] = [];
  for (const field of ['staffType', 'jobRole'] as const) {
    const value = cohort[field];
    if (value !== null && value.length > maxFieldLength) {
      errors.push({ field: `cohort.${field}`, message: `must be at most ${maxFieldLength} characters` });
    }
    const problem = value === null ? null : freeTextProblem(value);
    if (problem !== null) errors.push({ field: `cohort.${field}`, message: problem });
  }
  if (cohort.startDate !== null && !isRealIsoDate(cohort.startDate)) {
    errors.push({ field: 'cohort.startDate', message: 'must be a real date written YYYY-MM-DD' });
  }
  return { cohort, errors };
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed.normalize('NFC');
}

function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
