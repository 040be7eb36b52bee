import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';
import { JOB_FIELDS, confirmationOf, waitForConfirmation, type Job } from './support/upload-jobs';

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';
const CONFIRM = `mutation($input: ConfirmUploadInput!) {
  confirmUpload(input: $input) { staged invited confirmation { ${JOB_FIELDS} } upload { id state } }
}`;
const CANCEL = `mutation($id: ID!) { cancelUpload(uploadId: $id) { id state cancelledAt confirmation { ${JOB_FIELDS} } } }`;
const ROWS = `query($id: ID!, $first: Int, $after: String, $status: UploadStatus, $duplicate: Boolean) {
  upload(id: $id) {
    warnings
    rows(first: $first, after: $after, status: $status, duplicate: $duplicate) {
      totalCount
      nodes { line email firstName lastName dateOfBirth mobile uploadStatus discrepancies duplicateReasons possibleDuplicate }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const BATCH_UPLOADS = `query($id: ID!) { invitationBatch(id: $id) { uploads { id state totalRows confirmation { state } } } }`;

interface UploadRow {
  line: number;
  email: string;
  uploadStatus: string;
  duplicateReasons: string[];
  possibleDuplicate: boolean;
}
interface RowsPage {
  totalCount: number;
  nodes: UploadRow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts a CSV to the REST upload, as a browser would; answers the preview's id. */
async function upload(gw: Gateway, token: string, batchId: string, lines: string[]): Promise<string> {
  const response = await fetch(`${gw.url}/api/uploads?batchId=${batchId}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: [HEADER, ...lines].join('\r\n'),
  });
  if (!response.ok) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

const people = (prefix: string, count: number, mobilePrefix: string) =>
  Array.from(
    { length: count },
    (_, i) =>
      `${prefix}${i}@example.com,1990-01-01,P,,${prefix}${i},,${mobilePrefix}${String(i).padStart(7, '0')},`,
  );

describe("an upload's rows, its report link and its cancellation, end to end", () => {
  let gw: Gateway;
  let token: string;
  let other: string;

  beforeAll(async () => {
    // Report links that expire within seconds, so that their expiry can be seen.
    gw = await Gateway.start({ env: { REPORT_LINK_TTL_MINUTES: '0.05' } });
    token = await gw.token('org-j', 'jo');
    other = await gw.token('org-k', 'kim');
  });
  afterAll(() => gw.stop());

  it('pages through the rows of a preview, by status and by being a duplicate, before anything is staged', async () => {
    const { batchId } = await gw.poolAndBatch(token);
    const id = await upload(gw, token, batchId, [
      'a@example.com,1990-01-01,Ann,,Able,,,', // line 2 NEW
      'b@example.com,1990-01-01,Bo,,Best,,,', // line 3 NEW
      '', // line 4 blank: counted, not a row
      'c@example.com,1990-01-01,Cy,,Cole,,,', // line 5 NEW
      'a@example.com,1991-01-01,Ann,,Again,,,', // line 6 repeats line 2
      'd@example.com,1990-01-01,Di,,Dunn,,,', // line 7 NEW
    ]);
    const rows = async (variables: Record<string, unknown>) =>
      (await gw.ok<{ upload: { warnings: string[]; rows: RowsPage } }>(ROWS, { id, ...variables }, token))
        .upload;

    const first = await rows({ first: 2 });
    expect(first.warnings).toEqual([]);
    expect(first.rows.totalCount).toBe(5);
    expect(first.rows.nodes.map((row) => [row.line, row.email, row.uploadStatus])).toEqual([
      [2, 'a@example.com', 'NEW'],
      [3, 'b@example.com', 'NEW'],
    ]);
    expect(first.rows.pageInfo.hasNextPage).toBe(true);
    const second = await rows({ first: 2, after: first.rows.pageInfo.endCursor });
    expect(second.rows.nodes.map((row) => row.line)).toEqual([5, 6]);
    const last = await rows({ first: 2, after: second.rows.pageInfo.endCursor });
    expect(last.rows.nodes.map((row) => row.line)).toEqual([7]);
    expect(last.rows.pageInfo.hasNextPage).toBe(false);

    // No row of this file is EXISTING (no passport holds these people).
    const existing = await rows({ first: 10, status: 'EXISTING' });
    expect(existing.rows).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    const duplicates = await rows({ first: 10, duplicate: true });
    expect(duplicates.rows.nodes).toEqual([
      expect.objectContaining({
        line: 6,
        email: 'a@example.com',
        duplicateReasons: ['EMAIL_REPEATED_IN_FILE'],
      }),
    ]);
    const staged = await rows({ first: 10, status: 'NEW', duplicate: false });
    expect(staged.rows.nodes.map((row) => row.line)).toEqual([2, 3, 5, 7]);
    expect(staged.rows.totalCount).toBe(4);

    // Nothing staged yet; another organisation sees no such upload.
    const batch = await gw.ok<{ invitationBatch: { counts: { uploaded: number } } }>(
      op.BATCH,
      { id: batchId, first: 1 },
      token,
    );
    expect(batch.invitationBatch.counts.uploaded).toBe(0);
    expect((await gw.ok<{ upload: null }>(ROWS, { id, first: 1 }, other)).upload).toBeNull();
  });

  it('opens the duplicates report through its signed link, without a bearer, until the link expires', async () => {
    const { batchId } = await gw.poolAndBatch(token);
    const id = await upload(gw, token, batchId, [
      'e@example.com,1990-01-01,E,,E,,,',
      'e@example.com,1990-01-01,E,,F,,,',
    ]);
    const { upload: preview } = await gw.ok<{ upload: { duplicatesReportUrl: string } }>(
      `query($id: ID!) { upload(id: $id) { duplicatesReportUrl } }`,
      { id },
      token,
    );
    const link = new URL(preview.duplicatesReportUrl);
    const local = `${gw.url}${link.pathname}${link.search}`;
    const report = await fetch(local);
    expect(report.status).toBe(200);
    expect((await report.text()).trim().split(/\r?\n/)[1]).toBe(
      '3,e@example.com,,EMAIL_REPEATED_IN_FILE,E,F,2,',
    );
    await sleep(Number(link.searchParams.get('expires')) * 1000 - Date.now() + 200);
    const expired = await fetch(local);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/no longer works/);
  });

  it('cancels a preview before it is confirmed: it can no longer be, and the batch lists it so', async () => {
    const { batchId } = await gw.poolAndBatch(token);
    const earlier = await upload(gw, token, batchId, ['f@example.com,1990-01-01,F,,F,,,']);
    const id = await upload(gw, token, batchId, ['g@example.com,1990-01-01,G,,G,,,']);
    const { cancelUpload } = await gw.ok<{ cancelUpload: { state: string; cancelledAt: string | null } }>(
      CANCEL,
      { id },
      token,
    );
    expect(cancelUpload.state).toBe('CANCELLED');
    expect(cancelUpload.cancelledAt).not.toBeNull();
    const refused = await gw.graphql(CONFIRM, { input: { uploadId: id } }, token);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect((await gw.graphql(CANCEL, { id }, other)).errors?.[0]).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });

    const { invitationBatch } = await gw.ok<{
      invitationBatch: { uploads: { id: string; state: string }[] };
    }>(BATCH_UPLOADS, { id: batchId }, token);
    expect(invitationBatch.uploads.map((u) => [u.id, u.state])).toEqual([
      [id, 'CANCELLED'],
      [earlier, 'PREVIEWED'],
    ]);
  });

  it('cancels a running confirmation: it stops, and what it staged stays', async () => {
    const { batchId } = await gw.poolAndBatch(token);
    const id = await upload(gw, token, batchId, people('run', 30_000, '+6148'));
    const { confirmUpload } = await gw.ok<{ confirmUpload: { staged: number; confirmation: Job } }>(
      CONFIRM,
      { input: { uploadId: id } },
      token,
    );
    expect(confirmUpload.confirmation).toMatchObject({ state: 'RUNNING', total: 30_000, staged: 0 });
    while (((await confirmationOf(gw, token, id))?.staged ?? 0) === 0) await sleep(20);
    await gw.ok(CANCEL, { id }, token);
    const cancelled = await waitForConfirmation(gw, token, id);
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.finishedAt).not.toBeNull();
    const counts = async () =>
      (
        await gw.ok<{ invitationBatch: { counts: { uploaded: number } } }>(
          op.BATCH,
          { id: batchId, first: 1 },
          token,
        )
      ).invitationBatch.counts.uploaded;
    // The chunk the job was on when it saw the cancellation is finished and counted; then nothing more is staged,
    // and what the job counted is what the batch shows.
    let settled: { job: Job | null; uploaded: number } | null = null;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(300)) {
      const now = { job: await confirmationOf(gw, token, id), uploaded: await counts() };
      if (settled && now.uploaded === settled.uploaded && now.job?.staged === now.uploaded) break;
      settled = now;
    }
    const job = (await confirmationOf(gw, token, id))!;
    expect(job.state).toBe('CANCELLED');
    expect(job.staged).toBeGreaterThan(0);
    expect(job.staged).toBeLessThan(30_000);
    expect(await counts()).toBe(job.staged);
    await sleep(500);
    expect(await counts()).toBe(job.staged);
  });
});

describe('a 150,000-row confirmation with invitations, end to end', () => {
  const TOTAL = 150_000;

  it('answers at once, shows its progress, carries on after a kill -9, and stages and invites each row once', async () => {
    const first = await Gateway.start();
    const token = await first.token('org-big', 'bea');
    const { batchId } = await first.poolAndBatch(token);
    const id = await upload(first, token, batchId, people('big', TOTAL, '+6147'));

    const { confirmUpload } = await first.ok<{ confirmUpload: { staged: number; confirmation: Job } }>(
      CONFIRM,
      { input: { uploadId: id, sendInvitations: true } },
      token,
    );
    expect(confirmUpload).toMatchObject({ staged: 0, confirmation: { state: 'RUNNING', total: TOTAL } });

    // Followed as it goes, then cut short by a crash a part of the way through.
    const seen: Job[] = [];
    for (;;) {
      const job = await confirmationOf(first, token, id);
      if (job) seen.push(job);
      if (job && job.staged >= TOTAL / 5) break;
      if (job?.state !== 'RUNNING') throw new Error(`the job ended before the crash: ${JSON.stringify(job)}`);
      await sleep(50);
    }
    await first.kill();
    const beforeCrash = seen.at(-1)!.staged;
    expect(beforeCrash).toBeLessThan(TOTAL);
    // Progress only grew, in several steps.
    const staged = seen.map((job) => job.staged);
    expect(staged).toEqual([...staged].sort((a, b) => a - b));
    expect(new Set(staged).size).toBeGreaterThan(3);
    const after: Job[] = [];

    const second = await Gateway.start({ dataDir: first.dataDir });
    try {
      // A correctness bound, not a speed one (the bench measures that): the messages of 150,000 invitations share
      // the machine's two cores with the job.
      const done = await waitForConfirmation(second, token, id, {
        timeoutMs: 300_000,
        seen: (job) => after.push(job),
      });
      expect(done).toMatchObject({
        state: 'DONE',
        total: TOTAL,
        staged: TOTAL,
        invited: TOTAL,
        skippedDuplicates: 0,
      });
      expect(done.finishedAt).not.toBeNull();
      // Carried on from its last checkpoint: once the restarted gateway's read models have caught up with the log
      // (they are rebuilt at start, and answer meanwhile), its progress starts where it stood and only grows.
      const progress = after.map((job) => job.staged);
      let caughtUp = progress.length;
      while (caughtUp > 0 && progress[caughtUp - 1] >= beforeCrash) caughtUp -= 1;
      const resumed = progress.slice(caughtUp);
      expect(resumed).toEqual([...resumed].sort((a, b) => a - b));
      expect(resumed.at(-1)).toBe(TOTAL);
      const { invitationBatch } = await second.ok<{ invitationBatch: { invited: { totalCount: number } } }>(
        `query($id: ID!) { invitationBatch(id: $id) { invited(first: 1) { totalCount } } }`,
        { id: batchId },
        token,
      );
      expect(invitationBatch.invited.totalCount).toBe(TOTAL);
    } finally {
      await second.stop({ keepData: true });
    }

    // Each row staged once and invited once: in the log, one InviteeStaged and one InvitationSent per invitee.
    const { ReadOnlyLog } = await import('@invitations/event-store');
    const { join } = await import('node:path');
    const { rm } = await import('node:fs/promises');
    const log = await ReadOnlyLog.open(join(first.dataDir, 'events'));
    const counts = { InviteeStaged: new Map<string, number>(), InvitationSent: new Map<string, number>() };
    try {
      for await (const event of log.readAll()) {
        const byStream = counts[event.type as keyof typeof counts];
        if (byStream) byStream.set(event.streamId, (byStream.get(event.streamId) ?? 0) + 1);
      }
    } finally {
      await log.close();
      await rm(first.dataDir, { recursive: true, force: true });
    }
    for (const byStream of Object.values(counts)) {
      expect(byStream.size).toBe(TOTAL);
      expect([...byStream.values()].filter((times) => times !== 1)).toEqual([]);
    }
  }, 480_000);
});
