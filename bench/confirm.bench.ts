import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSV_COLUMNS } from '@invitations/uploads';
import { cpuSeconds, createBatch, type GraphQL, withBenchGateway } from './gateway-process';
import { untilLines } from './outbox-lines';

export interface ConfirmBenchFigures {
  /** confirmUpload of 150,000 new people with invitations, until all 150,000 are in the Invited tab. */
  confirm150kQueryableSeconds: number;
  /** How long confirmUpload took to answer (at once, with the confirmation running). */
  confirm150kAnswerSeconds: number;
  /**
   * confirmUpload of the same 150,000 people with invitations (each with an email and a mobile), until all 300,000
   * messages are lines in the outbox: staging, invitations, tokens, every message queued in its stream, the
   * outbox written and synced.
   */
  confirm150kMessagesSeconds: number;
  /** The gateway process's CPU time (user and system) from confirmUpload to the last message. */
  confirm150kGatewayCpuSeconds: number;
}

/** The 150,000-row confirmation through a gateway process on the embedded stores, as an admin makes it. */
export async function benchConfirm(): Promise<ConfirmBenchFigures> {
  const bench = { tempPrefix: 'confirm-bench-', organisation: 'bench-org' };
  return withBenchGateway(bench, async ({ dataDir, gateway, token, graphql }) => {
    const cpuBefore = await cpuSeconds(gateway.child.pid!);
    const large = await confirmAndWait(gateway.url, token, graphql, dataDir, 150_000, 'large', '+6147');
    await untilLines(join(dataDir, 'outbox', 'messages.ndjson'), 300_000);
    const messagesSeconds = (performance.now() - large.startedAt) / 1000;
    return {
      confirm150kQueryableSeconds: round(large.queryableSeconds),
      confirm150kAnswerSeconds: round(large.answerSeconds),
      confirm150kMessagesSeconds: round(messagesSeconds),
      confirm150kGatewayCpuSeconds: round((await cpuSeconds(gateway.child.pid!)) - cpuBefore),
    };
  });
}

/**
 * A file of `rows` new people previewed, then confirmed with invitations: the seconds from confirmUpload until all
 * of them are in the batch's Invited tab, and until confirmUpload answered (at once, with the job running, for a
 * large file).
 */
export async function confirmAndWait(
  url: string,
  token: string,
  graphql: GraphQL,
  dataDir: string,
  rows: number,
  prefix: string,
  mobilePrefix: string,
): Promise<{ queryableSeconds: number; answerSeconds: number; batchId: string; startedAt: number }> {
  const batchId = await createBatch(graphql, `Bench ${prefix}`);
  const names = ['Zoë', 'José', "D'Arcy", 'Nguyễn', 'Siobhán', 'Łukasz', "O'Brien", 'Müller'];
  const lines = [CSV_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    // Ranges the seeded passports' mobiles (+61400... to +61439...) never use.
    const mobile = `${mobilePrefix}${String(i).padStart(7, '0')}`;
    lines.push(
      `${prefix}${i}@example.com,1990-01-${String((i % 28) + 1).padStart(2, '0')},${names[i % 8]},,"${names[(i + 3) % 8]}",,${mobile},Nurse`,
    );
  }
  const csvPath = join(dataDir, `${prefix}.csv`);
  await writeFile(csvPath, `${lines.join('\r\n')}\r\n`);
  const previewed = await fetch(`${url}/api/uploads?batchId=${batchId}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: await readFile(csvPath),
  });
  const preview = (await previewed.json()) as { id: string; totalRows: number };
  if (preview.totalRows !== rows) throw new Error(`previewed ${JSON.stringify(preview).slice(0, 300)}`);

  const started = performance.now();
  await graphql<{ confirmUpload: { confirmation: { state: string } } }>(
    `
      mutation ($id: ID!) {
        confirmUpload(input: { uploadId: $id, sendInvitations: true }) {
          confirmation {
            state
          }
        }
      }
    `,
    { id: preview.id },
  );
  const answerSeconds = (performance.now() - started) / 1000;
  for (;;) {
    const { invitationBatch } = await graphql<{ invitationBatch: { invited: { totalCount: number } } }>(
      `
        query ($id: ID!) {
          invitationBatch(id: $id) {
            invited(first: 1) {
              totalCount
            }
          }
        }
      `,
      { id: batchId },
    );
    if (invitationBatch.invited.totalCount === rows) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    queryableSeconds: (performance.now() - started) / 1000,
    answerSeconds,
    batchId,
    startedAt: started,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
