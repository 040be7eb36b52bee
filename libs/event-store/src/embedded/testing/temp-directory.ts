import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for one test's store; `remove` deletes it with everything in it. */
export async function aTempDirectory(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'event-store-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
