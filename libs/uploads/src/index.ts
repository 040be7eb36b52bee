export { ClassifiedRows } from './classified-rows';
export { validateCohort } from './cohort';
export type { Cohort, CohortInput } from './cohort';
export { DUPLICATES_REPORT_CONTENT_TYPE, duplicatesReportCsv } from './duplicates-report';
export { ErrorList, MAX_LISTED_ERRORS, UploadRejectedError, mergeByRow } from './field-error';
export type { FieldError } from './field-error';
export { digestingSource } from './file-digest';
export { PackedPeople } from './packed-person';
export type { PackedBatch } from './packed-person';
export { parseUpload } from './parse-upload';
export type { UploadSource } from './parse-upload';
export {
  CSV_COLUMNS,
  TEMPLATE_CONTENT_TYPE,
  TEMPLATE_FILE_NAME,
  TEMPLATE_HEADER_LINE,
  UTF8_BOM,
  invitationTemplateCsv,
  invitationTemplateCsvBytes,
} from './template';
export { uploadLimits } from './upload-limits';
export type { UploadLimits } from './upload-limits';
export { validateInWorker } from './validate-in-worker';
export { COLUMN_OF_FIELD, validatedBatches } from './validate-rows';
export { ValidationWorkers } from './validation-workers';
