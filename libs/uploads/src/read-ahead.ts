/** The first chunks of a file, read to look at its start before it is parsed, and whether they were all of it. */
export interface ReadAhead {
  chunks: Buffer[];
  ended: boolean;
}

/**
 * Reads chunks until `enough` says they hold what the caller needs to see (given them and their length in bytes),
 * or the file ends. Reads with `next` only, so the rest of the file is still there to read (`thenTheRest`).
 */
export async function readAhead(
  input: AsyncIterator<Buffer>,
  enough: (chunks: Buffer[], bytes: number) => boolean,
): Promise<ReadAhead> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for (;;) {
    const next = await input.next();
    if (next.done) return { chunks, ended: true };
    chunks.push(next.value);
    bytes += next.value.length;
    if (enough(chunks, bytes)) return { chunks, ended: false };
  }
}

/** The chunks read ahead, then the rest of the file. */
export async function* thenTheRest(ahead: ReadAhead, input: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* ahead.chunks;
  if (ahead.ended) return;
  for (let next = await input.next(); !next.done; next = await input.next()) yield next.value;
}
