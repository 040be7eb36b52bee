import type { PersonRules } from '@invitations/domain';
import type { FieldError } from './field-error';
import type { UploadLimits } from './upload-limits';
import type { ValidatedBatch, ValidatedBatchesOptions } from './validate-rows';

/** What a validation worker is given to do: one upload. */
export interface ValidationJob {
  rules: PersonRules;
  limits: UploadLimits;
  options: ValidatedBatchesOptions;
}

/** The job first, then the file's bytes, in order, then the end. */
export type ToValidationWorker =
  { type: 'job'; job: ValidationJob } | { type: 'bytes'; chunk: Uint8Array } | { type: 'end' };

export type FromValidationWorker =
  /** A chunk of bytes was taken by the parser: room for another. */
  | { type: 'consumed' }
  | { type: 'batch'; batch: ValidatedBatch }
  /** A remark about the file that does not refuse it (ParseUploadHooks.onWarning). */
  | { type: 'warning'; warning: string }
  /** Every row was sent. */
  | { type: 'done' }
  /** The file was refused (UploadRejectedError) after the batches sent before. */
  | { type: 'rejected'; errors: FieldError[] }
  /** Anything else went wrong in the worker. */
  | { type: 'failed'; message: string };
