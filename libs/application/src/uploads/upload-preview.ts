import type { PersonRules } from '@invitations/domain';
import { ClassifiedRows } from '@invitations/uploads';
import type { DuplicateReason } from '@invitations/domain';
import { DEFAULT_LOOKUP_BATCH_SIZE, classifyUpload, type ClassifyUploadOptions } from './classify-upload';
import { Cohort, CohortInput, validateCohort } from '@invitations/uploads';
import {
  ErrorList,
  FieldError,
  MAX_LISTED_ERRORS,
  UploadRejectedError,
  mergeByRow,
} from '@invitations/uploads';
import { UploadSource, parseUpload } from '@invitations/uploads';
import { UploadLimits, uploadLimits } from '@invitations/uploads';
import type { PackedBatch } from '@invitations/uploads';
import { UploadLookups } from './upload-lookups';
import { validateInWorker } from '@invitations/uploads';
import type { ValidationWorkers } from '@invitations/uploads';
import { validatedBatches } from '@invitations/uploads';

export interface PreviewUploadOptions {
  poolId: string;
  /** The organisation uploading: possible duplicates are flagged only against its own people (see classifyUpload). */
  organisationId?: string;
  /** The rules of a person's details; the longest field comes from `limits.maxFieldLength`. */
  rules: Omit<PersonRules, 'maxFieldLength'>;
  limits?: Partial<UploadLimits>;
  cohort?: CohortInput | null;
  lookupBatchSize?: number;
  lookupConcurrency?: number;
  /** How many errors a refused upload lists (all are counted in `totalErrors`). */
  maxListedErrors?: number;
  /** See ClassifyUploadOptions.onClassified. */
  onClassified?: ClassifyUploadOptions['onClassified'];
  /**
   * Where rows are parsed and validated: in this thread, or in a worker thread (validateInWorker) beside the
   * lookups and classification done here. Default: inline.
   */
  validation?: 'inline' | 'worker';
  /** Where a worker comes from when validating in one: a spare started ahead (default: one started for the upload). */
  workers?: ValidationWorkers;
}

/** A duplicate row (the contract's `UploadDuplicate`): confirming skips it. */
export interface UploadDuplicate {
  row: number;
  email: string;
  mobile: string | null;
  reasons: DuplicateReason[];
}

export type PossibleDuplicateReason = 'SAME_NAME_AND_DATE_OF_BIRTH';

/** A row that will be staged but may be someone who holds a passport under another email. */
export interface PossibleDuplicate {
  row: number;
  email: string;
  reason: PossibleDuplicateReason;
}

/** The file cannot be staged (`INVALID_UPLOAD`): nothing is. */
export interface UploadRefused {
  ok: false;
  /** The first `maxListedErrors` errors: problems with the file as a whole first, then by row. */
  errors: FieldError[];
  totalErrors: number;
}

export interface UploadPreviewed {
  ok: true;
  totalRows: number;
  rows: ClassifiedRows;
  /** Rows that confirming would stage, by status; with duplicateCount they add up to totalRows. */
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  duplicates: UploadDuplicate[];
  possibleDuplicates: PossibleDuplicate[];
  cohort: Cohort;
  /** Remarks about the file that did not refuse it: columns ignored, the encoding it was read in. */
  warnings: string[];
}

export type UploadPreviewOutcome = UploadRefused | UploadPreviewed;

/**
 * The preview of a bulk upload: parse the streamed CSV, validate every row, classify every valid row
 * against the passports and the pool. Nothing is written. A file with any error is refused with every
 * error listed by row and column: format and validation errors, and missing names on rows that would
 * create a passport (rows that validate are still classified, so all of these are listed in one go).
 *
 * It resolves with an outcome for anything wrong with the file; it rejects only when the source or a
 * lookup fails.
 */
export async function previewUpload(
  source: UploadSource,
  options: PreviewUploadOptions,
  lookups: UploadLookups,
): Promise<UploadPreviewOutcome> {
  const limits = uploadLimits(options.limits);
  const maxListedErrors = options.maxListedErrors ?? MAX_LISTED_ERRORS;
  const { cohort, errors: cohortErrors } = validateCohort(options.cohort, limits.maxFieldLength);
  if (cohortErrors.length > 0) return refused([cohortErrors], cohortErrors.length, maxListedErrors);

  const rules: PersonRules = { ...options.rules, maxFieldLength: limits.maxFieldLength };
  const validationOptions = {
    jobRoleFallback: cohort.jobRole,
    maxListedErrors,
    batchRows: options.lookupBatchSize ?? DEFAULT_LOOKUP_BATCH_SIZE,
  };
  const warnings: string[] = [];
  const hooks = { onWarning: (warning: string) => warnings.push(warning) };
  const batches =
    options.validation === 'worker'
      ? validateInWorker(source, rules, limits, validationOptions, options.workers, hooks)
      : validatedBatches(parseUpload(source, limits, hooks), rules, validationOptions);

  // Rows are classified batch by batch as they are validated; the file's refusal, if it comes, ends both.
  const validationErrors = new ErrorList(maxListedErrors);
  let rejection: readonly FieldError[] = [];
  async function* validatedPeople(): AsyncGenerator<PackedBatch> {
    try {
      for await (const batch of batches) {
        validationErrors.addCounted(batch.errors, batch.errorCount);
        yield batch;
      }
    } catch (error) {
      if (!(error instanceof UploadRejectedError)) throw error;
      rejection = error.errors;
    }
  }
  const classified = await classifyUpload(
    validatedPeople(),
    {
      poolId: options.poolId,
      organisationId: options.organisationId,
      lookupBatchSize: options.lookupBatchSize,
      lookupConcurrency: options.lookupConcurrency,
      maxListedErrors,
      onClassified: options.onClassified,
    },
    lookups,
  );
  if (rejection.length > 0) {
    const total = rejection.length + validationErrors.count;
    return refused([rejection, validationErrors.errors], total, maxListedErrors);
  }
  if (classified.rows.length === 0) {
    return refused([[{ message: 'The file has a header row but no rows of people.' }]], 1, maxListedErrors);
  }
  const totalErrors = validationErrors.count + classified.errors.count;
  if (totalErrors > 0) {
    return refused([validationErrors.errors, classified.errors.errors], totalErrors, maxListedErrors);
  }
  return previewed(classified.rows, cohort, warnings);
}

function refused(lists: readonly (readonly FieldError[])[], totalErrors: number, cap: number): UploadRefused {
  return { ok: false, errors: mergeByRow(lists, cap), totalErrors };
}

/** Counts and lists from the compact rows, building a row object only for the duplicates. */
function previewed(rows: ClassifiedRows, cohort: Cohort, warnings: string[]): UploadPreviewed {
  const counts = { NEW: 0, EXISTING: 0, INVALID: 0 };
  const duplicates: UploadDuplicate[] = [];
  const possibleDuplicates: PossibleDuplicate[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    if (rows.isDuplicate(index) || rows.isPossibleDuplicate(index)) {
      const person = rows.personAt(index);
      if (person === null) continue;
      const row = rows.lineAt(index);
      if (rows.isDuplicate(index)) {
        duplicates.push({
          row,
          email: person.email,
          mobile: person.mobile,
          reasons: rows.duplicateReasonsAt(index),
        });
        continue;
      }
      possibleDuplicates.push({ row, email: person.email, reason: 'SAME_NAME_AND_DATE_OF_BIRTH' });
    }
    const status = rows.statusAt(index);
    if (status !== undefined) counts[status] += 1;
  }
  return {
    ok: true,
    totalRows: rows.length,
    rows,
    newCount: counts.NEW,
    existingCount: counts.EXISTING,
    invalidCount: counts.INVALID,
    duplicateCount: duplicates.length,
    duplicates,
    possibleDuplicates,
    cohort,
    warnings,
  };
}
