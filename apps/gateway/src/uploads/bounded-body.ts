import { HttpRefusal, bodyTooLarge } from '../common/errors/http-refusal';

export interface BodyBounds {
  /** Bytes the body may hold in all; one more answers 413. */
  maxBytes: number;
  /** How long the client may send nothing (while the body is waited for) before the upload is ended. */
  idleSeconds: number;
}

/** 408: the client stopped sending; nothing was staged. */
export function uploadIdle(idleSeconds: number): HttpRefusal {
  return new HttpRefusal(
    'BAD_USER_INPUT',
    `The upload sent nothing for ${idleSeconds} seconds and was ended. Nothing was staged: send the file again.`,
    408,
  );
}

/**
 * The request's body, chunk by chunk, held to its bounds: over `maxBytes` it ends with 413 before the chunk goes
 * further; when the client sends nothing for `idleSeconds` while a chunk is awaited it ends with 408. The idle time
 * counts only while this waits on the client, not while the reader (the parser, a lookup) is busy with a chunk.
 */
export async function* boundedBody(
  source: AsyncIterable<Uint8Array>,
  bounds: BodyBounds,
): AsyncGenerator<Uint8Array> {
  // The request is not destroyed when a bound ends it (that would close the connection before the answer): the
  // caller answers with `Connection: close`, and Node closes the connection once the answer is sent.
  const iterator = source[Symbol.asyncIterator]();
  let bytes = 0;
  for (;;) {
    const next = await withIdleBound(iterator.next(), bounds.idleSeconds);
    if (next.done) return;
    bytes += next.value.length;
    if (bytes > bounds.maxBytes) throw bodyTooLarge(bounds.maxBytes);
    yield next.value;
  }
}

function withIdleBound<T>(next: Promise<T>, idleSeconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(uploadIdle(idleSeconds)), idleSeconds * 1000);
  });
  return Promise.race([next, idle]).finally(() => clearTimeout(timer));
}
