import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const REGISTER_TS = join(__dirname, '../../../../../test/support/register-ts.js');

/** Starts `node` on one of the TypeScript scripts of this folder, with stdout and stderr piped. */
export function startScript(script: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['-r', REGISTER_TS, join(__dirname, script), ...args], { stdio: 'pipe' });
}

/** Collects a child's stdout as complete lines, and calls `onLine` for each. */
export function readLines(
  child: ChildProcessWithoutNullStreams,
  onLine: (line: string) => void = () => undefined,
) {
  const lines: string[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      onLine(line);
    }
  });
  let errors = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (errors += chunk));
  return { lines, stderr: () => errors };
}

/** Resolves when the child has exited and its output is fully read. */
export function exited(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
}

/**
 * Starts a script as {@link startScript} does, but as the child of a parent that never collects its children
 * (a shell that became `sleep`): killed, it stays a zombie, as a service does while a slow supervisor has not
 * yet collected it. The script prints its own pid if the test needs it; kill the returned process to end both.
 */
export function startScriptUnderIdleParent(script: string, args: string[]): ChildProcessWithoutNullStreams {
  const command = [process.execPath, '-r', REGISTER_TS, join(__dirname, script), ...args]
    .map((word) => `'${word.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  return spawn('/bin/sh', ['-c', `${command} & exec sleep 120`], { stdio: 'pipe' });
}
