/** The upload template's header line, as the contract documents it (the columns an admin's file starts with). */
export const CSV_HEADER =
  'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';

/** A CSV file as the file picker hands it to the page: the template's header, then `rows`, one a line. */
export const csvFile = (name: string, rows: string[], lineEnd = '\n') => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from([CSV_HEADER, ...rows].join(lineEnd)),
});
