import { join } from 'node:path';
import { batchStreamId, inviteeStreamId, poolStreamId } from '@invitations/domain';
import { EmbeddedEventStore, type NewEvent } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { cpuSeconds, type GraphQL, withBenchGateway } from './gateway-process';
import { untilLines } from './outbox-lines';
import { seededEvent } from './seeded-event';

const INVITEES = 150_000;
/** Every invitee has a mobile: an email and a text message each. */
const MESSAGES = INVITEES * 2;
const ORGANISATION = 'bench-org';

export interface NotificationsBenchFigures {
  /**
   * sendInvitations(all: true) on a batch of 150,000 staged people, through a gateway process on the embedded
   * stores, until every one of the 300,000 messages (email and text) is a line in the outbox. It starts from the
   * invitations of 150,000 people already staged, so it is the messages' share of issue 13's
   * confirm150kMessagesSeconds (confirm150kQueryableSeconds is the staging's and invitations' share).
   */
  send150kInvitationsMessagesSeconds: number;
  /** How long the request itself took (every InvitationSent in the log, and in the read models). */
  send150kInvitationsAnsweredSeconds: number;
  /**
   * Messages written to the outbox per second by the notification process manager (tokens issued, each message
   * queued in its stream, the outbox written and fsynced), over the whole run: 300,000 / the first figure.
   */
  outboxMessagesPerSec: number;
  /**
   * The gateway process's CPU time (user and system) over the same span: on this shared machine the wall clock
   * follows the other tenants' load, the CPU time much less.
   */
  send150kInvitationsGatewayCpuSeconds: number;
}

/** Invitations of 150,000 staged people, followed to the last message in the outbox. */
export async function benchNotifications(): Promise<NotificationsBenchFigures> {
  const bench = {
    tempPrefix: 'notifications-bench-',
    organisation: ORGANISATION,
    env: { CONSISTENCY_WAIT_MS: '600000' },
    seed: (dataDir: string) => seedStagedBatch(join(dataDir, 'events')),
  };
  return withBenchGateway(bench, async ({ dataDir, gateway, graphql }, { batchId }) => {
    await untilStaged(graphql, batchId);

    const outbox = join(dataDir, 'outbox', 'messages.ndjson');
    const cpuBefore = await cpuSeconds(gateway.child.pid!);
    const started = performance.now();
    const { sendInvitations } = await graphql<{ sendInvitations: { skipped: unknown[] } }>(
      `
        mutation ($batchId: ID!) {
          sendInvitations(input: { batchId: $batchId, all: true }) {
            skipped {
              inviteeId
              reason
            }
          }
        }
      `,
      { batchId },
    );
    const answered = performance.now();
    if (sendInvitations.skipped.length > 0) {
      throw new Error(`skipped: ${JSON.stringify(sendInvitations.skipped.slice(0, 3))}`);
    }
    await untilLines(outbox, MESSAGES);
    const seconds = (performance.now() - started) / 1000;
    const cpu = (await cpuSeconds(gateway.child.pid!)) - cpuBefore;
    return {
      send150kInvitationsMessagesSeconds: round(seconds),
      send150kInvitationsAnsweredSeconds: round((answered - started) / 1000),
      outboxMessagesPerSec: Math.round(MESSAGES / seconds),
      send150kInvitationsGatewayCpuSeconds: round(cpu),
    };
  });
}

/** A pool, a batch and 150,000 people staged in it (NEW, each with an email and a mobile), written to the log. */
async function seedStagedBatch(eventsDir: string): Promise<{ batchId: string }> {
  const store = await EmbeddedEventStore.open(eventsDir);
  const poolId = deriveId('bench-notifications', 'pool');
  const batchId = deriveId('bench-notifications', 'batch');
  const at = '2026-01-01T00:00:00.000Z';
  const event = (key: string, type: string, data: unknown): NewEvent =>
    seededEvent(ORGANISATION, deriveId('bench-notifications', key), type, data, at);
  try {
    const pool = { poolId, organisationId: ORGANISATION, name: 'Bench pool', createdAt: at };
    await store.append(poolStreamId(poolId), [event('pool', 'ResourcePoolCreated', pool)], 'no_stream');
    const batch = { batchId, poolId, organisationId: ORGANISATION, name: 'Bench 150k', createdAt: at };
    await store.append(batchStreamId(batchId), [event('batch', 'BatchCreated', batch)], 'no_stream');
    for (let start = 0; start < INVITEES; start += 2000) {
      const appends: Promise<unknown>[] = [];
      for (let i = start; i < Math.min(start + 2000, INVITEES); i += 1) {
        const inviteeId = deriveId('bench-notifications', 'invitee', String(i));
        const person = {
          email: `person${i}@example.com`,
          dateOfBirth: `1990-01-${String((i % 28) + 1).padStart(2, '0')}`,
          firstName: 'Zoë',
          middleNames: null,
          lastName: 'Nguyen',
          preferredName: null,
          mobile: `+6141${String(i).padStart(7, '0')}`,
          jobRole: 'Nurse',
        };
        const staged = {
          inviteeId,
          organisationId: ORGANISATION,
          poolId,
          batchId,
          stagedAt: at,
          person,
          uploadStatus: 'NEW',
          discrepancies: [],
          passportId: null,
          uploadId: null,
        };
        appends.push(
          store.append(
            inviteeStreamId(inviteeId),
            [event(`staged-${i}`, 'InviteeStaged', staged)],
            'no_stream',
          ),
        );
      }
      await Promise.all(appends);
    }
    return { batchId };
  } finally {
    await store.close();
  }
}

/** The gateway rebuilds its read models from the log at start: wait until the batch's Uploaded tab holds them all. */
async function untilStaged(graphql: GraphQL, batchId: string): Promise<void> {
  for (;;) {
    const { invitationBatch } = await graphql<{ invitationBatch: { counts: { uploaded: number } } | null }>(
      `
        query ($id: ID!) {
          invitationBatch(id: $id) {
            counts {
              uploaded
            }
          }
        }
      `,
      { id: batchId },
    );
    if (invitationBatch?.counts.uploaded === INVITEES) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
