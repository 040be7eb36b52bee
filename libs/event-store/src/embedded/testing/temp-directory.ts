import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for one test's store; `remove` deletes it with everything in it. */
export async function aTempDirectory(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'event-store-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * A new temporary directory (named from `prefix`) for each test of the describe block that calls this, removed
 * after the test: its `path` is set once a test runs.
 */
export function eachTempDirectory(prefix: string): { path: string } {
  const directory = { path: '' };
  beforeEach(async () => {
    directory.path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(() => rm(directory.path, { recursive: true, force: true }));
  return directory;
}
