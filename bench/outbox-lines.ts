import { open, stat } from 'node:fs/promises';

/** Counts the outbox's lines as it grows (only the bytes written since the last look are read). */
export async function untilLines(path: string, lines: number): Promise<void> {
  let seen = 0;
  let offset = 0;
  const chunk = Buffer.alloc(1 << 20);
  for (;;) {
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    if (size > offset) {
      const file = await open(path, 'r');
      try {
        while (offset < size) {
          const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, size - offset), offset);
          for (let i = 0; i < bytesRead; i += 1) if (chunk[i] === 0x0a) seen += 1;
          offset += bytesRead;
        }
      } finally {
        await file.close();
      }
    }
    if (seen >= lines) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
