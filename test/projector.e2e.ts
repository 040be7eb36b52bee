import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
/** Nothing listens on the discard port: connections are refused at once. */
const UNREACHABLE_MONGO = 'mongodb://127.0.0.1:9/invitations';
const UNREACHABLE_ESDB = 'esdb://127.0.0.1:9?tls=false';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The projector as operators start it: its own process, `apps/projector/src/main.ts` transpiled on load. */
function startProjector(env: Record<string, string>): Run {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, 'apps/projector/src/main.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(what: string, read: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the projector process', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'projector-e2e-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('refuses to start on the embedded stores, saying why and what to do instead', async () => {
    const run = startProjector({ DATA_DIR: dataDir });

    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      'The projector does not run on the embedded stores (EVENT_STORE and READ_STORE are "embedded")',
    );
    expect(run.output()).toContain('the gateway does that work in its own process');
    expect(run.output()).toContain('npm start');
  });

  it('refuses when only one of the stores is embedded', async () => {
    const run = startProjector({ DATA_DIR: dataDir, EVENT_STORE: UNREACHABLE_ESDB });

    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('(READ_STORE is "embedded")');
  });

  it('serves its health while MongoDB cannot be reached, is not ready, and stops cleanly on SIGTERM', async () => {
    const run = startProjector({
      DATA_DIR: dataDir,
      EVENT_STORE: UNREACHABLE_ESDB,
      READ_STORE: UNREACHABLE_MONGO,
    });
    try {
      const port = await waitFor(
        'the health port',
        () => /localhost:(\d+)\/health\/ready/.exec(run.output())?.[1],
      );

      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);

      expect(live.status).toBe(200);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'error',
        details: { projector: { status: 'down', role: 'connecting' } },
      });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('SIGTERM: stopping');
  });
});
