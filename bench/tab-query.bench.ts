import { join } from 'node:path';
import autocannon from 'autocannon';
import { batchStreamId, inviteeStreamId, poolStreamId } from '@invitations/domain';
import { EmbeddedEventStore, type NewEvent } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { withBenchGateway } from './gateway-process';
import { seededEvent } from './seeded-event';

export interface TabQueryBenchFigures {
  /** A page of 50 of the Uploaded tab of a 150,000-invitee batch, with the batch's counts: requests per second. */
  tabQueryReqPerSec: number;
  /** Its 99th percentile latency over every request of its rounds together, in milliseconds. */
  tabQueryP99Ms: number;
  /** The highest of its rounds' own 99th percentiles (two seconds each, a fresh set of connections each). */
  tabQueryWorstRoundP99Ms: number;
  /** The same server answering `{ __typename }`: the ceiling of what any query can reach here. */
  trivialQueryReqPerSec: number;
  trivialQueryP99Ms: number;
  trivialQueryWorstRoundP99Ms: number;
  /** Requests that got no answer within autocannon's 30 s (or failed to connect), both queries together. */
  queryLoadErrors: number;
}

/** What the admin's batch page asks first: the counts and a page of 50 of the Uploaded tab. */
export const TAB_QUERY = `query ($id: ID!) {
          invitationBatch(id: $id) {
            counts { uploaded invalid invited accepted }
            uploaded(first: 50) { totalCount nodes { id email firstName lastName uploadStatus state } pageInfo { hasNextPage endCursor } }
          }
        }`;

const INVITEES = 150_000;
const CONNECTIONS = 32;
/** Seconds of load for each query, in ROUNDS rounds of each in turn. */
const SECONDS = 10;
const ROUNDS = 5;
const ORGANISATION = 'bench-org';

/**
 * The admins' screens under load: a gateway on the embedded stores holding one batch of 150,000 invitees, asked by
 * 32 concurrent clients (autocannon) for the first page of the Uploaded tab with its counts, and, in the same run,
 * for `{ __typename }` (what the HTTP and GraphQL layers alone allow: the ceiling).
 */
export async function benchTabQuery(): Promise<TabQueryBenchFigures> {
  const bench = {
    tempPrefix: 'tab-query-bench-',
    organisation: ORGANISATION,
    seed: (dataDir: string) => seedBatch(join(dataDir, 'events')),
  };
  return withBenchGateway(bench, async ({ gateway, token }, batchId) => {
    const tab = { query: TAB_QUERY, variables: { id: batchId } };
    const answer = await post(gateway.url, token, tab);
    const uploaded = (answer as { data?: { invitationBatch?: { uploaded?: { totalCount?: number } } } }).data
      ?.invitationBatch?.uploaded?.totalCount;
    if (uploaded !== INVITEES)
      throw new Error(`the tab holds ${uploaded} people: ${JSON.stringify(answer).slice(0, 300)}`);

    // Warm up both paths, then measure them in alternating rounds: a burst of load from elsewhere on a shared
    // machine then weighs on both alike, and the ratio between them holds. A query's p99 is of all its requests
    // together; each round's own (1% of two seconds, fresh connections at its start) is kept beside it, the worst.
    await load(gateway.url, token, { query: '{ __typename }' }, 2);
    await load(gateway.url, token, tab, 2);
    const trivial: Round[] = [];
    const tabbed: Round[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      trivial.push(await load(gateway.url, token, { query: '{ __typename }' }, SECONDS / ROUNDS));
      tabbed.push(await load(gateway.url, token, tab, SECONDS / ROUNDS));
    }
    return {
      tabQueryReqPerSec: perSecond(tabbed),
      tabQueryP99Ms: p99(tabbed),
      tabQueryWorstRoundP99Ms: worstRoundP99(tabbed),
      trivialQueryReqPerSec: perSecond(trivial),
      trivialQueryP99Ms: p99(trivial),
      trivialQueryWorstRoundP99Ms: worstRoundP99(trivial),
      queryLoadErrors: [...tabbed, ...trivial].reduce((sum, result) => sum + result.errors, 0),
    };
  });
}

/**
 * One round of load as autocannon leaves it with `skipAggregateResult`: its latencies still as a histogram, so that
 * the rounds' can be added up into one (autocannon's `aggregateResult`, made for runs on several machines).
 */
interface Round {
  totalCompletedRequests: number;
  duration: number;
  errors: number;
  non2xx: number;
}

/** autocannon's aggregation of rounds run with `skipAggregateResult` (missing from its type definitions). */
const aggregateResult = (
  autocannon as unknown as {
    aggregateResult(rounds: readonly Round[], opts: { url: string; connections: number }): autocannon.Result;
  }
).aggregateResult;

const aggregate = (rounds: readonly Round[]) =>
  aggregateResult(rounds, { url: 'http://bench', connections: CONNECTIONS });

/** Requests answered per second over the rounds together. */
function perSecond(rounds: readonly Round[]): number {
  const requests = rounds.reduce((sum, round) => sum + round.totalCompletedRequests, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.duration, 0);
  return Math.round(requests / seconds);
}

/** The 99th percentile of every request's latency, all rounds together. */
const p99 = (rounds: readonly Round[]) => aggregate(rounds).latency.p99;

/** The highest of the rounds' own 99th percentiles. */
const worstRoundP99 = (rounds: readonly Round[]) =>
  Math.max(...rounds.map((round) => aggregate([round]).latency.p99));

async function load(url: string, token: string, body: object, seconds: number): Promise<Round> {
  const round = (await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    timeout: 30,
    skipAggregateResult: true,
  })) as unknown as Round;
  if (round.non2xx > 0) throw new Error(`${round.non2xx} answers under load were not 200`);
  return round;
}

async function post(url: string, token: string, body: object): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** One pool, one batch and 150,000 staged invitees, written straight into the log the gateway will open. */
export async function seedBatch(eventsDir: string): Promise<string> {
  const poolId = deriveId('bench-tab', 'pool');
  const batchId = deriveId('bench-tab', 'batch');
  const store = await EmbeddedEventStore.open(eventsDir);
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
  const event = (id: string, type: string, data: object, timestamp: string): NewEvent =>
    seededEvent(ORGANISATION, deriveId('bench-tab-event', id), type, data, timestamp);
  try {
    await store.append(
      poolStreamId(poolId),
      [
        event(
          poolId,
          'ResourcePoolCreated',
          { poolId, organisationId: ORGANISATION, name: 'Bench pool', createdAt: at(0) },
          at(0),
        ),
      ],
      'no_stream',
    );
    await store.append(
      batchStreamId(batchId),
      [
        event(
          batchId,
          'BatchCreated',
          { batchId, poolId, organisationId: ORGANISATION, name: 'Bench batch', createdAt: at(0) },
          at(0),
        ),
      ],
      'no_stream',
    );
    for (let start = 0; start < INVITEES; start += 2000) {
      const appends = [];
      for (let i = start; i < Math.min(start + 2000, INVITEES); i += 1) {
        const inviteeId = deriveId('bench-tab', 'invitee', String(i));
        const stagedAt = at(1 + Math.floor(i / 1000));
        const staged = {
          inviteeId,
          batchId,
          poolId,
          organisationId: ORGANISATION,
          stagedAt,
          person: {
            email: `person${i}@example.com`,
            dateOfBirth: '1990-01-01',
            firstName: `First${i % 997}`,
            middleNames: null,
            lastName: `Last${i % 991}`,
            preferredName: null,
            mobile: null,
            jobRole: 'Nurse',
          },
          uploadStatus: i % 10 === 0 ? 'INVALID' : 'NEW',
          discrepancies: i % 10 === 0 ? ['DATE_OF_BIRTH'] : [],
          passportId: null,
          uploadId: null,
        };
        appends.push(
          store.append(
            inviteeStreamId(inviteeId),
            [event(inviteeId, 'InviteeStaged', staged, stagedAt)],
            'no_stream',
          ),
        );
      }
      await Promise.all(appends);
    }
  } finally {
    await store.close();
  }
  return batchId;
}
