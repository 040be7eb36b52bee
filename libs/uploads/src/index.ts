export { ClassifiedRows } from './classified-rows';
export { validateCohort } from './cohort';
export type { Cohort, CohortInput } from './cohort';
export { csvDownload } from './csv-download';
export { DUPLICATES_REPORT_CONTENT_TYPE, duplicatesReportCsv, spreadsheetCell } from './duplicates-report';
export type { DuplicateReportRow } from './duplicates-report';
export { ErrorList, MAX_LISTED_ERRORS, UploadRejectedError, mergeByRow } from './field-error';
export type { FieldError } from './field-error';
export { digestingSource } from './file-digest';
export { PackedPeople } from './packed-person';
export type { PackedBatch } from './packed-person';
export { WINDOWS_1252_WARNING, parseUpload } from './parse-upload';
export type { ParseUploadHooks, ParsedRow, UploadSource } from './parse-upload';
export { COLUMN_ALIASES } from './header-aliases';
export { MAX_QUOTED_CHARACTERS, quotedValue } from './quoted-value';
export { SAVE_AS_CSV_UTF8, sniffFormat } from './upload-format';
export { REQUIRED_COLUMNS } from './upload-header';
export {
  CSV_COLUMNS,
  TEMPLATE_CONTENT_TYPE,
  TEMPLATE_EXAMPLE_EMAIL,
  TEMPLATE_FILE_NAME,
  TEMPLATE_HEADER_LINE,
  UTF8_BOM,
  invitationTemplateCsv,
  invitationTemplateCsvBytes,
} from './template';
export { uploadLimits } from './upload-limits';
export type { UploadLimits } from './upload-limits';
export { validateInWorker } from './validate-in-worker';
export {
  COLUMN_OF_FIELD,
  SCIENTIFIC_MOBILE_MESSAGE,
  TEMPLATE_ROW_MESSAGE,
  validateRow,
  validatedBatches,
} from './validate-rows';
export { ValidationWorkers } from './validation-workers';
