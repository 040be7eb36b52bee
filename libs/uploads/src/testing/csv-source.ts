import { Readable } from 'node:stream';
import { TEMPLATE_HEADER_LINE, type CsvCells } from '../template';

export interface CsvSourceOptions {
  bom?: boolean;
  lineEnd?: '\n' | '\r\n';
  /** Bytes per chunk: small chunks split rows, quoted values and multi-byte characters across chunks. */
  chunkSize?: number;
  /** The header line; the template's by default. */
  header?: string | null;
}

/** A file as a Readable of byte chunks, as an HTTP request or a file stream gives it. */
export function csvSource(rows: readonly string[], options: CsvSourceOptions = {}): Readable {
  return bytesSource(csvText(rows, options), options.chunkSize);
}

export function csvText(rows: readonly string[], options: CsvSourceOptions = {}): string {
  const lineEnd = options.lineEnd ?? '\r\n';
  const header = options.header === undefined ? TEMPLATE_HEADER_LINE : options.header;
  const lines = header === null ? rows : [header, ...rows];
  return (options.bom ? '\uFEFF' : '') + lines.map((line) => line + lineEnd).join('');
}

export function bytesSource(text: string | Buffer, chunkSize = 64 * 1024): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize)
    chunks.push(bytes.subarray(start, start + chunkSize));
  return Readable.from(chunks);
}

/** A row of the template from its cells by column; unnamed cells are empty. */
export function csvRow(cells: Partial<Record<string, string>>): string {
  const columns = TEMPLATE_HEADER_LINE.split(',');
  return columns.map((column) => cells[column] ?? '').join(',');
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

/** Awaits a promise expected to reject, and answers the error. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** One person's row as the template's columns hold it (Zoë Nguyễn; the optional columns blank). */
export function personCells(overrides: Partial<CsvCells> = {}): CsvCells {
  return {
    email: 'zoe@example.com',
    date_of_birth: '1990-07-15',
    first_name: 'Zoë',
    middle_names: '',
    last_name: 'Nguyễn',
    preferred_name: '',
    mobile: '',
    job_role: '',
    ...overrides,
  };
}
