import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { mintDevToken } from '@invitations/auth';
import { EmbeddedEventStore } from '@invitations/event-store';
import type { NewEvent } from '@invitations/event-store';
import type { Passport } from '@invitations/domain';
import { passportStreamId } from '@invitations/domain';
import { deriveId } from '@invitations/kernel';
import { CSV_COLUMNS } from '@invitations/uploads';
import { rawParseRowsPerSec } from './raw-parse';
import {
  collectGarbage,
  createBatch,
  graphqlClient,
  JWT_SECRET,
  peakRssSampler,
  rssMb,
  startGateway,
  waitUntilReady,
  type GraphQL,
} from './gateway-process';
import { generateUploadData } from './upload-data';

export interface ServiceBenchFigures {
  /**
   * fast-csv alone reading the same file (raw-parse.ts), just before and just after the preview (the gateway idle),
   * averaged: the preview is held against the floor as the machine was at that moment, not minutes apart.
   */
  rawParseRowsPerSec: number;
  /** The 150,000-row file posted to POST /api/uploads of a running gateway holding 150,000 passports. */
  previewRowsPerSec: number;
  previewSeconds: number;
  /** The gateway process's peak resident memory while it previewed (its read models included). */
  previewPeakRssMb: number;
  /** The gateway's resident memory before the preview: code, the read models of 150,000 passports. */
  gatewayRssBeforePreviewMb: number;
  /** confirmUpload of 10,000 rows with invitations, until all 10,000 are in the Invited tab. */
  confirmInviteToQueryableSeconds: number;
  /** resendInvitations on every invited person of that batch of 10,000, answered (the read models include it). */
  bulkResendTenThousandSeconds: number;
}

/**
 * The upload path measured through the service, as admins use it: a gateway process (the compiled
 * `dist/apps/gateway/src/main.js`) on the embedded stores, seeded with 150,000 passports in its log.
 */
export async function benchService(): Promise<ServiceBenchFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'service-bench-'));
  const csvPath = join(dataDir, 'upload.csv');
  try {
    const data = await generateUploadData(csvPath);
    await seedPassports(join(dataDir, 'events'), data.passports);
    const gateway = await startGateway(dataDir);
    try {
      const token = await mintDevToken(JWT_SECRET, { org: 'bench-org', sub: 'bench-admin' });
      const graphql = graphqlClient(gateway.url, token);
      await waitUntilReady(gateway.url);

      const batchId = await createBatch(graphql, 'Bench preview');
      collectGarbage();
      const rawBefore = await rawParseRowsPerSec(csvPath);
      const rssBefore = await rssMb(gateway.child.pid!);
      const sampler = peakRssSampler(gateway.child.pid!);
      const started = performance.now();
      const response = await fetch(`${gateway.url}/api/uploads?batchId=${batchId}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: Readable.toWeb(createReadStream(csvPath)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const preview = (await response.json()) as { totalRows?: number; code?: string; message?: string };
      const previewSeconds = (performance.now() - started) / 1000;
      const peak = await sampler.stop();
      if (response.status !== 200 || preview.totalRows !== data.rows) {
        throw new Error(`the preview failed: ${response.status} ${JSON.stringify(preview).slice(0, 500)}`);
      }
      const rawAfter = await rawParseRowsPerSec(csvPath);

      const { seconds: confirmSeconds, batchId: confirmed } = await confirmTenThousand(
        gateway.url,
        token,
        graphql,
        dataDir,
      );
      const bulkSeconds = await resendAll(graphql, confirmed);
      return {
        rawParseRowsPerSec: Math.round((rawBefore + rawAfter) / 2),
        previewRowsPerSec: Math.round(data.rows / previewSeconds),
        previewSeconds: round(previewSeconds),
        previewPeakRssMb: peak,
        gatewayRssBeforePreviewMb: rssBefore,
        confirmInviteToQueryableSeconds: round(confirmSeconds),
        bulkResendTenThousandSeconds: round(bulkSeconds),
      };
    } finally {
      await gateway.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Writes PassportCreated events straight into the log the gateway will open (its read models rebuild from it). */
async function seedPassports(eventsDir: string, passports: Passport[]): Promise<void> {
  const store = await EmbeddedEventStore.open(eventsDir);
  try {
    const event = (passport: Passport): NewEvent => ({
      id: deriveId('bench-passport', passport.passportId),
      type: 'PassportCreated',
      data: { ...passport, firstName: passport.firstName, lastName: passport.lastName },
      metadata: {
        organisationId: null,
        actor: null,
        correlationId: 'bench-seed',
        causationId: null,
        timestamp: '2026-01-01T00:00:00.000Z',
        schemaVersion: 1,
      },
    });
    for (let i = 0; i < passports.length; i += 2000) {
      await Promise.all(
        passports
          .slice(i, i + 2000)
          .map((p) => store.append(passportStreamId(p.passportId), [event(p)], 'no_stream')),
      );
    }
  } finally {
    await store.close();
  }
}

async function confirmTenThousand(
  url: string,
  token: string,
  graphql: GraphQL,
  dataDir: string,
): Promise<{ seconds: number; batchId: string }> {
  const batchId = await createBatch(graphql, 'Bench confirm');
  const names = ['Zoë', 'José', "D'Arcy", 'Nguyễn', 'Siobhán', 'Łukasz', "O'Brien", 'Müller'];
  const lines = [CSV_COLUMNS.join(',')];
  for (let i = 0; i < 10_000; i++) {
    // +6149...: a range the seeded passports' mobiles (+61400... to +61439...) never use.
    const mobile = `+6149${String(i).padStart(7, '0')}`;
    lines.push(
      `confirm${i}@example.com,1990-01-${String((i % 28) + 1).padStart(2, '0')},${names[i % 8]},,"${names[(i + 3) % 8]}",,${mobile},Nurse`,
    );
  }
  const csvPath = join(dataDir, 'confirm.csv');
  await writeFile(csvPath, `${lines.join('\r\n')}\r\n`);
  const previewed = await fetch(`${url}/api/uploads?batchId=${batchId}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: await readFile(csvPath),
  });
  const { id } = (await previewed.json()) as { id: string };

  const started = performance.now();
  const confirmed = await graphql<{ confirmUpload: { staged: number; invited: number } }>(
    `
      mutation ($id: ID!) {
        confirmUpload(input: { uploadId: $id, sendInvitations: true }) {
          staged
          invited
        }
      }
    `,
    { id },
  );
  if (confirmed.confirmUpload.invited !== 10_000) throw new Error(`confirmed ${JSON.stringify(confirmed)}`);
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
    if (invitationBatch.invited.totalCount === 10_000) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { seconds: (performance.now() - started) / 1000, batchId };
}

/** One bulk action on a whole batch of 10,000 invited people: new links for all, in one request. */
async function resendAll(graphql: GraphQL, batchId: string): Promise<number> {
  const started = performance.now();
  const { resendInvitations } = await graphql<{ resendInvitations: { count: number; skipped: unknown[] } }>(
    `
      mutation ($id: ID!) {
        resendInvitations(input: { batchId: $id, states: [INVITED] }) {
          count
          skipped {
            inviteeId
          }
        }
      }
    `,
    { id: batchId },
  );
  if (resendInvitations.count !== 10_000) throw new Error(`resent ${JSON.stringify(resendInvitations)}`);
  return (performance.now() - started) / 1000;
}

const round = (value: number) => Math.round(value * 100) / 100;
