import { GRAPHQL_BOUNDS } from '../apps/gateway/src/common/graphql/request-bounds';
import { createBatch, graphqlClient, rssMb, withBenchGateway } from './gateway-process';

export interface GraphQLBoundsBenchFigures {
  /** The slowest of the requests that the bounds still accept (each just under the cost limit), in ms. */
  boundedQueryMaxMs: number;
  /** How much the gateway's RSS grew over those requests, in MB (its peak against before them). */
  boundedQueryRssGrowthMb: number;
  /** The longest a `GET /health/live` waited while they ran, in ms. */
  liveDuringBoundedQueryMaxMs: number;
  /** How long the refusal of the issue's request (200 aliases of 500 invitees with their histories) took, in ms. */
  refusedQueryMs: number;
}

const INVITEES = 500;
const ORGANISATION = 'bench-bounds';

/**
 * The bounds of one GraphQL request, measured: a gateway holding a batch of 500 invited people (each with a history
 * of a few events), asked the heaviest requests the bounds accept, one at a time, while /health/live is polled.
 * The bounds are chosen so that none holds the gateway busy for more than about a second or grows it by more than
 * tens of megabytes.
 */
export async function benchGraphQLBounds(): Promise<GraphQLBoundsBenchFigures> {
  const bench = { tempPrefix: 'bounds-bench-', organisation: ORGANISATION };
  return withBenchGateway(bench, async ({ gateway, token, graphql }) => {
    const batchId = await seedInvitedBatch(graphql);
    const heaviest = heaviestAccepted(batchId);
    let slowest = 0;
    let liveMax = 0;
    const before = await rssMb(gateway.child.pid!);
    let peak = before;
    for (const query of heaviest) {
      for (let round = 0; round < 3; round += 1) {
        const poll = pollLiveness(gateway.url);
        const started = performance.now();
        const answer = await post(gateway.url, token, query);
        slowest = Math.max(slowest, performance.now() - started);
        liveMax = Math.max(liveMax, await poll.stop());
        peak = Math.max(peak, await rssMb(gateway.child.pid!));
        if (answer.errors) throw new Error(`refused: ${JSON.stringify(answer.errors).slice(0, 300)}`);
      }
    }
    const started = performance.now();
    const refused = await post(gateway.url, token, issueRequest(batchId));
    const refusedQueryMs = performance.now() - started;
    if (!refused.errors) throw new Error("the issue's request was not refused");
    return {
      boundedQueryMaxMs: Math.round(slowest),
      boundedQueryRssGrowthMb: peak - before,
      liveDuringBoundedQueryMaxMs: Math.round(liveMax),
      refusedQueryMs: Math.round(refusedQueryMs),
    };
  });
}

/** Requests each just under the cost limit: histories of a page, as many pages as aliases allow, as big a page. */
function heaviestAccepted(batchId: string): object[] {
  // Per node: the node (1) and its history (10 for the read, 10 entries): 22 with the page's own unit.
  const historyPage = Math.floor((GRAPHQL_BOUNDS.maxCost - 1) / 22);
  // Per node of a page with its page info: 3; 20 aliases of it.
  const aliasPage = Math.floor((GRAPHQL_BOUNDS.maxCost - 1) / (GRAPHQL_BOUNDS.maxAliases * 3));
  const nodeFields = 'id email firstName lastName dateOfBirth mobile state uploadStatus invitedAt expiresAt';
  const aliases = Array.from(
    { length: GRAPHQL_BOUNDS.maxAliases },
    (_, i) =>
      `p${i}: invited(first: ${aliasPage}) { totalCount nodes { ${nodeFields} } pageInfo { endCursor } }`,
  ).join('\n');
  return [
    {
      query: `query($id: ID!) { invitationBatch(id: $id) { invited(first: ${historyPage}) { nodes { id history { type at actor position data } } } } }`,
      variables: { id: batchId },
    },
    { query: `query($id: ID!) { invitationBatch(id: $id) { ${aliases} } }`, variables: { id: batchId } },
    {
      query: `query($id: ID!) { invitationBatch(id: $id) { counts { uploaded invited } invited(first: 500) { totalCount nodes { ${nodeFields} } } } }`,
      variables: { id: batchId },
    },
  ];
}

function issueRequest(batchId: string): object {
  const field = `invitationBatch(id: "${batchId}") { invited(first: 500) { nodes { history { type at data } } } }`;
  return { query: `query { ${Array.from({ length: 200 }, (_, i) => `a${i}: ${field}`).join('\n')} }` };
}

async function seedInvitedBatch(graphql: ReturnType<typeof graphqlClient>): Promise<string> {
  const batchId = await createBatch(graphql, 'Bounds');
  const rows = Array.from(
    { length: INVITEES },
    (_, i) => `person${i}@example.com,1990-01-01,First${i},,Last${i},,,Nurse`,
  );
  const csv = [
    'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role',
    ...rows,
  ].join('\n');
  const { previewUpload } = await graphql<{ previewUpload: { id: string } }>(
    `
      mutation ($input: PreviewUploadInput!) {
        previewUpload(input: $input) {
          id
        }
      }
    `,
    { input: { batchId, csv } },
  );
  await graphql(
    `
      mutation ($id: ID!) {
        confirmUpload(input: { uploadId: $id, sendInvitations: true }) {
          invited
        }
      }
    `,
    { id: previewUpload.id },
  );
  return batchId;
}

async function post(url: string, token: string, body: object): Promise<{ errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { errors?: unknown[] };
}

/** Asks /health/live again as soon as it answers; `stop` gives the longest wait seen. */
function pollLiveness(url: string) {
  let longest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${url}/health/live`).then((r) => r.arrayBuffer());
      longest = Math.max(longest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return longest;
    },
  };
}
