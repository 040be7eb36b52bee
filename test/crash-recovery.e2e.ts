import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';

/**
 * Killing the process (SIGKILL, as `kill -9`) in the middle of appends loses no acknowledged write, and the
 * read models rebuilt from the log at the next start are the same, start after start.
 */
describe('crash recovery, end to end', () => {
  let dataDir: string;
  beforeAll(async () => (dataDir = await mkdtemp(join(tmpdir(), 'gateway-crash-'))));
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  type Tab = {
    invitationBatch: {
      counts: Record<string, number>;
      uploaded: { totalCount: number; nodes: { id: string; email: string }[] };
    };
  };
  const snapshot = async (gw: Gateway, token: string, batchId: string) =>
    (await gw.ok<Tab>(op.BATCH, { id: batchId, first: 500 }, token)).invitationBatch;

  it('keeps every acknowledged invitee across a kill -9 and rebuilds identical read models', async () => {
    const first = await Gateway.start({ dataDir });
    const token = await first.token('org-k', 'kim');
    const batch = { id: (await first.poolAndBatch(token)).batchId };

    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const n = next++;
        const input = {
          batchId: batch.id,
          email: `p${n}@example.com`,
          dateOfBirth: '1990-01-01',
          firstName: 'P',
          lastName: `N${n}`,
        };
        try {
          const result = await first.graphql<{ stageInvitee: { id: string } }>(op.STAGE, { input }, token);
          if (result.data?.stageInvitee) acknowledged.push(result.data.stageInvitee.id);
        } catch {
          // the connection died with the process: not acknowledged
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    killed = true;
    await first.kill();
    await Promise.all(writers);

    const second = await Gateway.start({ dataDir });
    const after = await snapshot(second, token, batch.id);
    const present = new Set(after.uploaded.nodes.map((n) => n.id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect(after.uploaded.totalCount).toBeGreaterThanOrEqual(acknowledged.length);
    expect(after.counts.uploaded).toBe(after.uploaded.totalCount);
    // The service still works on the recovered log.
    await second.ok(
      op.STAGE,
      {
        input: {
          batchId: batch.id,
          email: 'after@example.com',
          dateOfBirth: '1990-01-01',
          firstName: 'A',
          lastName: 'B',
        },
      },
      token,
    );
    const beforeRestart = await snapshot(second, token, batch.id);
    await second.stop({ keepData: true });

    const third = await Gateway.start({ dataDir });
    expect(await snapshot(third, token, batch.id)).toEqual(beforeRestart);
    await third.stop({ keepData: true });
  });
});
