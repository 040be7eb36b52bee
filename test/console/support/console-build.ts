import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const PAGE = join(ROOT, 'dist', 'console', 'index.html');
const LOCK = join(ROOT, 'dist', '.console-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newest(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

let built = false;

/**
 * Builds the console (npm run build:console) when dist/console is missing or older than its sources, as
 * `npm start` does: the browser tests drive the build the gateway serves, never a dev server. On a clean clone
 * (CI) the first browser test to get here builds it while the others wait (jest runs test files in parallel
 * workers: a directory made atomically is the lock).
 */
export function ensureConsoleBuilt(): void {
  if (built) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker builds: wait for it (a lock left by a killed run is taken over after a while).
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
        rmSync(LOCK, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    const sources = Math.max(
      newest(join(ROOT, 'apps', 'console')),
      newest(join(ROOT, 'apps', 'gateway', 'schema.graphql')),
      newest(join(ROOT, 'package-lock.json')),
    );
    if (!existsSync(PAGE) || statSync(PAGE).mtimeMs < sources) {
      execFileSync('npm', ['run', 'build:console', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    }
    built = true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
