import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './gateway-harness';

const ROOT = join(__dirname, '../..');

export interface OpsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run ops -- ARGS` as an operator runs it beside a gateway (the command line transpiled on load), with the
 * test's JWT secret; `env` adds to or replaces its environment (DATA_DIR, PORT, ...).
 */
export function runOps(
  args: string[],
  env: Record<string, string | undefined> = {},
  onStderr?: (text: string) => void,
): Promise<OpsRun> {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, 'apps/ops/src/main.ts'), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1', JWT_SECRET: TEST_JWT_SECRET, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(chunk.toString());
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
