import { createHash } from 'node:crypto';
import type { UploadSource } from './parse-upload';

/** An upload's bytes passed through unchanged, hashed on the way: SHA-256 (hex) of all of them once read. */
export interface DigestedSource {
  source: UploadSource;
  /** The digest of the bytes read so far: the whole file's once the source has been read to its end. */
  sha256(): string;
}

export function digestingSource(source: UploadSource): DigestedSource {
  const hash = createHash('sha256');
  async function* passThrough(): AsyncGenerator<Uint8Array | string> {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  }
  let digest: string | null = null;
  return {
    source: passThrough(),
    sha256: () => (digest ??= hash.digest('hex')),
  };
}
