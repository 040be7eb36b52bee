import { request } from 'node:http';
import { mintDevToken } from '@invitations/auth';
import { JWT_SECRET, createBatch, graphqlClient, rssMb, withBenchGateway } from './gateway-process';

export interface SlowUploadsBenchFigures {
  /** The gateway's RSS before the slow uploads start, in MB. */
  slowUploadsBeforeRssMb: number;
  /** Its peak while 40 authenticated clients trickle uploads (sampled every 100 ms), in MB. */
  slowUploadsPeakRssMb: number;
  /** The longest another admin's page query or /health/live waited meanwhile, in ms. */
  slowUploadsOtherRequestMaxMs: number;
  /** Uploads answered 429 (told to come back later) during the run. */
  slowUploadsRefused: number;
}

const CLIENTS = 40;
const SECONDS = 40;
const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';

/**
 * 40 slow authenticated uploads: each client sends a header and a few rows, then a byte every two seconds (never
 * idle long enough to be ended), and tries again at once whenever it is answered. Meanwhile another admin asks for
 * a page of the batch and the load balancer for /health/live. The gateway must stay under 450 MB and answer the
 * others within a second (the bounds: UPLOAD_CONCURRENCY uploads read at once, the rest 429 after a short wait).
 */
export async function benchSlowUploads(): Promise<SlowUploadsBenchFigures> {
  const bench = { tempPrefix: 'slow-uploads-bench-', organisation: 'bench-slow' };
  return withBenchGateway(bench, async ({ gateway, token, graphql }) => {
    const pid = gateway.child.pid!;
    const batchId = await createBatch(graphql, 'Slow');
    const before = await rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => {
      void rssMb(pid).then(
        (mb) => (peak = Math.max(peak, mb)),
        () => undefined,
      );
    }, 100);
    const end = Date.now() + SECONDS * 1000;
    let refused = 0;
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      while (Date.now() < end) {
        const status = await slowUpload(gateway.url, token, batchId, client, end);
        if (status === 429) refused += 1;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    });
    let otherMax = 0;
    const others = (async () => {
      const otherAdmin = graphqlClient(
        gateway.url,
        await mintDevToken(JWT_SECRET, { org: 'bench-slow', sub: 'other' }),
      );
      while (Date.now() < end) {
        const started = performance.now();
        await otherAdmin(
          `
            query ($id: ID!) {
              invitationBatch(id: $id) {
                counts {
                  uploaded
                }
                uploaded(first: 50) {
                  totalCount
                  nodes {
                    id
                  }
                }
              }
            }
          `,
          { id: batchId },
        );
        await fetch(`${gateway.url}/health/live`).then((r) => r.arrayBuffer());
        otherMax = Math.max(otherMax, (performance.now() - started) / 2);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    await Promise.all([...clients, others]);
    clearInterval(sampler);
    return {
      slowUploadsBeforeRssMb: before,
      slowUploadsPeakRssMb: peak,
      slowUploadsOtherRequestMaxMs: Math.round(otherMax),
      slowUploadsRefused: refused,
    };
  });
}

/** One upload that trickles a byte every two seconds until it is answered or the run ends; its status (0: none). */
function slowUpload(
  url: string,
  token: string,
  batchId: string,
  client: number,
  end: number,
): Promise<number> {
  return new Promise((resolve) => {
    const req = request(new URL(`${url}/api/uploads?batchId=${batchId}`), {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${token}`,
        'transfer-encoding': 'chunked',
      },
    });
    const timers: NodeJS.Timeout[] = [];
    const finish = (status: number) => {
      for (const timer of timers) clearInterval(timer);
      req.destroy();
      resolve(status);
    };
    req.on('response', (res) => {
      res.resume();
      finish(res.statusCode ?? 0);
    });
    req.on('error', () => finish(0));
    const rows = Array.from(
      { length: 5 },
      (_, i) => `slow${client}-${i}@example.com,1990-01-01,Slow,,Client,,,`,
    );
    req.write(`${HEADER}\n${rows.join('\n')}\n`);
    timers.push(
      setInterval(() => {
        if (Date.now() >= end) finish(0);
        else req.write('\n');
      }, 2000),
    );
  });
}
