import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EmbeddedEventStore } from '@invitations/event-store';
import type { NewEvent } from '@invitations/event-store';
import type { Passport } from '@invitations/domain';
import { passportStreamId } from '@invitations/domain';
import { deriveId } from '@invitations/kernel';
import { rawParseRowsPerSec } from './raw-parse';
import {
  collectGarbage,
  createBatch,
  peakRssSampler,
  rssMb,
  type GraphQL,
  withBenchGateway,
} from './gateway-process';
import { generateUploadData } from './upload-data';
import { confirmAndWait } from './confirm.bench';

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
  const bench = {
    tempPrefix: 'service-bench-',
    organisation: 'bench-org',
    seed: async (dataDir: string) => {
      const csvPath = join(dataDir, 'upload.csv');
      const data = await generateUploadData(csvPath);
      await seedPassports(join(dataDir, 'events'), data.passports);
      return { csvPath, data };
    },
  };
  return withBenchGateway(bench, async ({ dataDir, gateway, token, graphql }, { csvPath, data }) => {
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

    const confirmed = await confirmAndWait(gateway.url, token, graphql, dataDir, 10_000, 'confirm', '+6149');
    const confirmSeconds = confirmed.queryableSeconds;
    const bulkSeconds = await resendAll(graphql, confirmed.batchId);
    return {
      rawParseRowsPerSec: Math.round((rawBefore + rawAfter) / 2),
      previewRowsPerSec: Math.round(data.rows / previewSeconds),
      previewSeconds: round(previewSeconds),
      previewPeakRssMb: peak,
      gatewayRssBeforePreviewMb: rssBefore,
      confirmInviteToQueryableSeconds: round(confirmSeconds),
      bulkResendTenThousandSeconds: round(bulkSeconds),
    };
  });
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
