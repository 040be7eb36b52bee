import { createReadStream } from 'node:fs';
import { parse } from 'fast-csv';

/**
 * fast-csv alone reading the file into objects by header, as an application using it plainly would: the floor any
 * upload pipeline stands on. Rows per second.
 */
export async function rawParseRowsPerSec(csvPath: string): Promise<number> {
  const start = process.hrtime.bigint();
  let rows = 0;
  for await (const _row of createReadStream(csvPath).pipe(parse({ headers: true }))) rows += 1;
  return Math.round(rows / (Number(process.hrtime.bigint() - start) / 1e9));
}
