import { access, appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Gateway } from './support/gateway-harness';
import { runOps, type OpsRun } from './support/ops-cli';
import * as op from './support/operations';

interface LogOpen {
  previousStop: string;
  events: number;
  repair: { cutBytes: number; cutEvents: number; fromByte: number } | null;
}

/**
 * The embedded log as an operator meets its damage: the gateway refuses a log whose acknowledged events are
 * damaged, names the file and the byte, and says what to do; it cuts a torn last write after a crash and says
 * so in its log and in `/ops/status`; `ops verify` tells the two apart on a stopped store without changing it.
 */
describe('a damaged event log, end to end', () => {
  let dataDir: string;
  let logPath: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gateway-log-damage-'));
    logPath = join(dataDir, 'events', 'events.log');
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const ops = (args: string[]): Promise<OpsRun> => runOps(args, { DATA_DIR: dataDir });

  async function logOpen(gw: Gateway): Promise<{ head: string; open: LogOpen }> {
    const token = await gw.token('operators', 'ops-test', ['ops']);
    const response = await fetch(`${gw.url}/ops/status`, { headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { log: { head: string; open: LogOpen } }).log;
  }

  /** Stages `count` people, eight at a time, so that the log holds write batches of several appends. */
  async function stagePeople(gw: Gateway, token: string, batchId: string, count: number, from = 0) {
    const stage = (n: number) =>
      gw.ok(
        op.STAGE,
        {
          input: {
            batchId,
            email: `p${n}@example.com`,
            dateOfBirth: '1990-01-01',
            firstName: 'P',
            lastName: `N${n}`,
          },
        },
        token,
      );
    for (let n = from; n < from + count; n += 8) {
      await Promise.all(Array.from({ length: 8 }, (_, i) => stage(n + i)));
    }
  }

  it('refuses acknowledged damage, cuts a torn write after a kill, and ops verify tells which', async () => {
    const first = await Gateway.start({ dataDir });
    const token = await first.token('org-d', 'dana');
    const { batchId } = await first.poolAndBatch(token);
    await stagePeople(first, token, batchId, 24);
    const headAtStop = await first.logHead();
    await first.stop({ keepData: true });
    await expect(access(join(dataDir, 'events', 'events.log.closed'))).resolves.toBeUndefined();

    // The finding: 4,096 bytes zeroed near the end of the cleanly stopped log, over its last write batches.
    const backup = await readFile(logPath);
    const damaged = Buffer.from(backup);
    damaged.fill(0, backup.length - 10 - 4096, backup.length - 10);
    await writeFile(logPath, damaged);

    const refused = await Gateway.start({ dataDir }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).not.toBeNull();
    expect(refused).toContain(logPath);
    expect(refused).toMatch(/was closed cleanly .* but it is damaged at byte \d+/);
    expect(refused).toContain('npm run ops -- verify');

    const verified = await ops(['verify']);
    expect(verified.code).toBe(4);
    expect(verified.stdout).toContain('verdict: acknowledged events are damaged');
    expect(verified.stdout).toContain(logPath);
    expect(await readFile(logPath)).toEqual(damaged);

    // Restored from the backup, it opens as it was stopped.
    await writeFile(logPath, backup);
    const second = await Gateway.start({ dataDir });
    expect(await logOpen(second)).toMatchObject({
      head: headAtStop,
      open: { previousStop: 'clean', repair: null },
    });
    const running = await ops(['verify']);
    expect(running.code).toBe(1);
    expect(running.stderr).toContain('stop the service first');

    // Killed, then a torn last write at the end (the first half of a record): cut at the next start, and said.
    await stagePeople(second, token, batchId, 8, 24);
    const headAtKill = await second.logHead();
    await second.kill();
    const whole = await readFile(logPath);
    const firstRecordLength = whole.readUInt32LE(4);
    const torn = Math.floor(firstRecordLength / 2);
    await appendFile(logPath, whole.subarray(0, torn));
    const tornVerified = await ops(['verify', '--json']);
    expect(tornVerified.code).toBe(3);
    expect(JSON.parse(tornVerified.stdout)).toMatchObject({
      verdict: 'torn-tail',
      previousStop: 'unclean',
      repair: { cutBytes: torn, fromByte: whole.length },
    });

    const third = await Gateway.start({ dataDir });
    try {
      expect(third.output).toContain(`Cut off that torn last write: ${torn} bytes from byte ${whole.length}`);
      expect(await logOpen(third)).toMatchObject({
        head: headAtKill,
        open: { previousStop: 'unclean', repair: { cutBytes: torn, cutEvents: 0, fromByte: whole.length } },
      });
      const status = await ops(['status', '--url', third.url]);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('after an unclean stop (a crash or kill -9)');
      expect(status.stdout).toContain(`cut off a torn last write: ${torn} bytes from byte ${whole.length}`);
      const batch = await third.ok<{ invitationBatch: { counts: { uploaded: number } } }>(
        op.BATCH,
        { id: batchId, first: 1 },
        token,
      );
      expect(batch.invitationBatch.counts.uploaded).toBe(32);
    } finally {
      await third.stop({ keepData: true });
    }
  }, 240_000);
});
