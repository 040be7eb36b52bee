/**
 * Writes to stdout, waiting when its buffer is full, so a large output streams at the pace of its reader
 * rather than piling up in memory.
 */
export async function writeOut(text: string): Promise<void> {
  if (process.stdout.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      process.stdout.off('drain', done);
      process.stdout.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    process.stdout.once('drain', () => done());
    process.stdout.once('error', done);
  });
}
