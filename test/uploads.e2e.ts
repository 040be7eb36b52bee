import type { UploadPreviewView } from '@invitations/application';
import { Gateway, tokenOf } from './support/gateway-harness';
import * as op from './support/operations';
import { waitForConfirmation, type Job } from './support/upload-jobs';

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';
const BOM = '\uFEFF';

const PREVIEW_FIELDS = `id batchId totalRows newCount existingCount invalidCount duplicateCount
  duplicates { row email mobile reasons } possibleDuplicates { row email reason }
  duplicatesReportUrl expiresAt confirmed cohort { staffType jobRole startDate }`;
const PREVIEW = `mutation($input: PreviewUploadInput!) { previewUpload(input: $input) { ${PREVIEW_FIELDS} } }`;
const UPLOAD = `query($id: ID!) { upload(id: $id) { ${PREVIEW_FIELDS} } }`;
const CONFIRM = `mutation($input: ConfirmUploadInput!) {
  confirmUpload(input: $input) { staged skippedDuplicates invited autoAccepted batch { id counts { uploaded invalid invited accepted } } }
}`;
const CONFIRM_JOB = `mutation($input: ConfirmUploadInput!) {
  confirmUpload(input: $input) { staged confirmation { state total staged skippedDuplicates } }
}`;
const TEMPLATE = `query { invitationTemplate }`;

/** A preview as PREVIEW_FIELDS select it (the answer of POST /api/uploads, previewUpload and upload(id)). */
type Preview = Pick<
  UploadPreviewView,
  | 'id'
  | 'totalRows'
  | 'newCount'
  | 'existingCount'
  | 'invalidCount'
  | 'duplicateCount'
  | 'duplicates'
  | 'possibleDuplicates'
  | 'duplicatesReportUrl'
  | 'confirmed'
  | 'cohort'
>;
interface Confirmed {
  staged: number;
  skippedDuplicates: number;
  invited: number;
  autoAccepted: number;
  batch: { counts: { uploaded: number; invalid: number; invited: number; accepted: number } };
}

describe('bulk CSV upload, end to end', () => {
  let gw: Gateway;
  let token: string;
  let other: string;

  beforeAll(async () => {
    gw = await Gateway.start({ env: { UPLOAD_MAX_BYTES: String(2 * 1024 * 1024) } });
    token = await gw.token('org-u', 'uma');
    other = await gw.token('org-v', 'vic');
  });
  afterAll(() => gw.stop());

  const newBatch = (auth = token) => gw.poolAndBatch(auth);

  const postCsv = (batchId: string, body: string | Buffer, auth = token, type = 'text/csv') =>
    fetch(`${gw.url}/api/uploads?batchId=${batchId}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body,
    });

  const confirm = async (uploadId: string, extra: Record<string, unknown> = {}) =>
    (await gw.ok<{ confirmUpload: Confirmed }>(CONFIRM, { input: { uploadId, ...extra } }, token))
      .confirmUpload;

  it('serves the template as text/csv with a byte-order mark, and through GraphQL', async () => {
    const response = await fetch(`${gw.url}/api/templates/invitations.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split(/\r?\n/)[0]).toBe(HEADER);
    expect(text.trim().split(/\r?\n/)).toHaveLength(2);
    const { invitationTemplate } = await gw.ok<{ invitationTemplate: string }>(TEMPLATE, {});
    expect(invitationTemplate.split(/\r?\n/)[0]).toBe(HEADER);
  });

  it('previews an Excel-style file (BOM, CRLF, mangled mobiles) and confirms it, mobiles normalised', async () => {
    const { batchId } = await newBatch();
    const csv =
      BOM +
      [
        HEADER,
        'zoe@example.com,1990-04-30,Zoë,,Brontë,,61412345678,Nurse',
        "liam@example.com,30/04/1991,Liam,,O'Brien,,412345679,",
        '"nguyen@example.com",1985-01-02,"Thị, Anh",,Nguyễn,,"0412 345 680",Rigger',
        '',
        '',
      ].join('\r\n');
    const response = await postCsv(batchId, csv);
    expect(response.status).toBe(200);
    const preview = (await response.json()) as Preview;
    expect(preview).toMatchObject({
      totalRows: 3,
      newCount: 3,
      existingCount: 0,
      invalidCount: 0,
      duplicateCount: 0,
      confirmed: false,
    });

    const confirmed = await confirm(preview.id);
    expect(confirmed).toMatchObject({
      staged: 3,
      skippedDuplicates: 0,
      invited: 0,
      batch: { counts: { uploaded: 3 } },
    });
    const tab = await gw.ok<{ invitationBatch: { uploaded: { nodes: { id: string; email: string }[] } } }>(
      op.BATCH,
      { id: batchId, first: 10 },
      token,
    );
    const mobiles = await Promise.all(
      tab.invitationBatch.uploaded.nodes.map(
        async (n) =>
          (await gw.ok<{ invitee: { email: string; mobile: string } }>(op.INVITEE, { id: n.id }, token))
            .invitee,
      ),
    );
    expect(Object.fromEntries(mobiles.map((i) => [i.email, i.mobile]))).toEqual({
      'zoe@example.com': '+61412345678',
      'liam@example.com': '+61412345679',
      'nguyen@example.com': '+61412345680',
    });
  });

  it('accepts a semicolon-delimited file, and the GraphQL preview with a cohort whose job role fills empty ones', async () => {
    const { batchId } = await newBatch();
    const csv = [
      HEADER.replace(/,/g, ';'),
      'ana@example.com;1990-01-01;Ana;;Lima;;;',
      'ben@example.com;1990-01-01;Ben;;Ode;;;Chef',
    ].join('\n');
    const { previewUpload } = await gw.ok<{ previewUpload: Preview }>(
      PREVIEW,
      { input: { batchId, csv, cohort: { jobRole: 'Porter', staffType: 'Casual' } } },
      token,
    );
    expect(previewUpload).toMatchObject({ totalRows: 2, newCount: 2, cohort: { jobRole: 'Porter' } });
    await confirm(previewUpload.id);
    const { invitationBatch } = await gw.ok<{
      invitationBatch: { uploaded: { nodes: { id: string; email: string }[] } };
    }>(op.BATCH, { id: batchId, first: 10 }, token);
    const roles: Record<string, string> = {};
    for (const node of invitationBatch.uploaded.nodes) {
      roles[node.email] = (
        await gw.ok<{ invitee: { jobRole: string } }>(op.INVITEE, { id: node.id }, token)
      ).invitee.jobRole;
    }
    expect(roles).toEqual({ 'ana@example.com': 'Porter', 'ben@example.com': 'Chef' });
  });

  it('refuses a file with several bad rows, listing every error by row and field; nothing is staged', async () => {
    const { batchId } = await newBatch();
    const csv = [
      HEADER,
      'ok@example.com,1990-01-01,Ok,,Fine,,,',
      'not-an-email,1990-01-01,A,,B,,,',
      'c@example.com,1990-02-30,C,,D,,,',
      'e@example.com,1990-01-01,E,,F,,12345,',
      'g@example.com,1990-01-01,,,,,,',
    ].join('\n');
    const result = await gw.graphql(PREVIEW, { input: { batchId, csv } }, token);
    expect(result.errors?.[0].extensions?.code).toBe('INVALID_UPLOAD');
    const errors = result.errors?.[0].extensions?.errors ?? [];
    // Numbered by line, as the spreadsheet shows them: the header is line 1.
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'email'],
      [4, 'date_of_birth'],
      [5, 'mobile'],
      [6, 'first_name'],
      [6, 'last_name'],
    ]);
    const { invitationBatch } = await gw.ok<{ invitationBatch: { counts: { uploaded: number } } }>(
      op.BATCH,
      { id: batchId, first: 1 },
      token,
    );
    expect(invitationBatch.counts.uploaded).toBe(0);
  });

  it('refuses wrong headers, an unclosed quote and a row with too many cells', async () => {
    const { batchId } = await newBatch();
    for (const csv of [
      'mail,dob,first,last\na@example.com,1990-01-01,A,B',
      `${HEADER}\n"a@example.com,1990-01-01,A,,B,,,`,
      `${HEADER}\na@example.com,1990-01-01,A,,B,,,,extra`,
    ]) {
      const response = await postCsv(batchId, csv);
      expect(response.status).toBe(422);
      const body = (await response.json()) as { code: string; errors: unknown[] };
      expect(body.code).toBe('INVALID_UPLOAD');
      expect(body.errors.length).toBeGreaterThan(0);
    }
  });

  it('answers 413 as soon as a file streamed in without a declared length passes the size limit', async () => {
    const { batchId } = await newBatch();
    const row = 'someone@example.com,1990-01-01,Some,,One,,,\n';
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 20 * 1024 * 1024) return controller.close();
        const chunk = new TextEncoder().encode((sent === 0 ? `${HEADER}\n` : '') + row.repeat(2000));
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${gw.url}/api/uploads?batchId=${batchId}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const error = (await response.json()) as { code: string; message: string };
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/larger than this route accepts \(at most 2 MB\)/);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('accepts a multipart form with the file in the field "file", and refuses another organisation\'s batch with 404', async () => {
    const { batchId } = await newBatch();
    const form = new FormData();
    form.append(
      'file',
      new Blob([`${HEADER}\nform@example.com,1990-01-01,Form,,Post,,,`], { type: 'text/csv' }),
      'people.csv',
    );
    const response = await fetch(`${gw.url}/api/uploads?batchId=${batchId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Preview).totalRows).toBe(1);

    expect((await postCsv(batchId, `${HEADER}\nx@example.com,1990-01-01,X,,Y,,,`, other)).status).toBe(404);
    expect((await postCsv(batchId, `${HEADER}\nx@example.com,1990-01-01,X,,Y,,,`, '')).status).toBe(401);
  });

  it('classifies against passports and the pool, reports duplicates with formula-safe cells, and never changes a passport', async () => {
    // A passport for Pat (accepted in another organisation), and Sam already staged in this pool.
    const pat = {
      email: 'pat@example.com',
      dateOfBirth: '1980-01-01',
      firstName: 'Pat',
      lastName: 'Kim',
      mobile: '+61400000001',
    };
    const elsewhere = await newBatch(other);
    await gw.ok(op.STAGE, { input: { batchId: elsewhere.batchId, ...pat } }, other);
    const { invitationBatch } = await gw.ok<{ invitationBatch: { uploaded: { nodes: { id: string }[] } } }>(
      op.BATCH,
      { id: elsewhere.batchId, first: 1 },
      other,
    );
    await gw.ok(op.SEND, { input: { batchId: elsewhere.batchId, all: true } }, other);
    const patId = invitationBatch.uploaded.nodes[0].id;
    await gw.ok(op.ACCEPT, {
      token: tokenOf(await gw.waitForMessage((m) => m.inviteeId === patId && m.channel === 'email')),
    });

    const { batchId } = await newBatch();
    await gw.ok(
      op.STAGE,
      {
        input: {
          batchId,
          email: 'sam@example.com',
          dateOfBirth: '1990-01-01',
          firstName: 'Sam',
          lastName: 'Lee',
        },
      },
      token,
    );
    const csv = [
      HEADER,
      'pat@example.com,1980-01-01,Pat,,Kim,,,', // line 2 EXISTING
      // line 3 NEW, same name and birth date as Pat's passport: not a possible duplicate, Pat being another
      // organisation's person (possible duplicates are flagged only against the organisation's own people)
      'pat2@example.com,1980-01-01,Pat,,Kim,,,',
      'pat@example.com,1981-01-01,Pat,,Kim,,,', // line 4 repeated email
      'sam@example.com,1990-01-01,Sam,,Lee,,,', // line 5 already in the pool
      'new@example.com,1990-01-01,New,,Person,,+61400000001,', // line 6 mobile of Pat's passport
      '=cmd@example.com,1990-01-01,Eve,,Hack,,+61400000002,', // line 7 NEW (odd but valid email)
      'x@example.com,1990-01-01,X,,Y,,+61400000002,', // line 8 repeated mobile
      '=cmd@example.com,1990-01-01,Eve,,Hack,,,', // line 9 repeated email, and a cell a spreadsheet would run
    ].join('\n');
    const response = await postCsv(batchId, csv);
    const preview = (await response.json()) as Preview;
    expect(response.status).toBe(200);
    expect(preview.duplicates).toEqual([
      { row: 4, email: 'pat@example.com', mobile: null, reasons: ['EMAIL_REPEATED_IN_FILE'] },
      { row: 5, email: 'sam@example.com', mobile: null, reasons: ['ALREADY_IN_POOL'] },
      {
        row: 6,
        email: 'new@example.com',
        mobile: '+61400000001',
        reasons: ['MOBILE_BELONGS_TO_OTHER_PASSPORT'],
      },
      { row: 8, email: 'x@example.com', mobile: '+61400000002', reasons: ['MOBILE_REPEATED_IN_FILE'] },
      { row: 9, email: '=cmd@example.com', mobile: null, reasons: ['EMAIL_REPEATED_IN_FILE'] },
    ]);
    expect(preview).toMatchObject({
      totalRows: 8,
      existingCount: 1,
      newCount: 2,
      invalidCount: 0,
      duplicateCount: 5,
    });
    expect(preview.possibleDuplicates).toEqual([]);

    // An absolute link on the public address, signed for this upload: the gateway serves its path and query.
    const link = new URL(preview.duplicatesReportUrl);
    expect(link.origin).toBe('https://invitations.example.test');
    expect(link.pathname).toBe(`/api/uploads/${preview.id}/duplicates.csv`);
    const path = `${link.pathname}${link.search}`;
    const report = await fetch(`${gw.url}${path}`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = Buffer.from(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('row,email,mobile,reasons,first_name,last_name,repeats_row,possible_duplicate');
    expect(lines.find((line) => line.startsWith('6,'))).toMatch(
      /^6,new@example\.com,"'\+61400000001",MOBILE_BELONGS_TO_OTHER_PASSPORT,/,
    );
    // A repeated email names the line of its first occurrence.
    expect(lines.find((line) => line.startsWith('9,'))).toBe(
      `9,"'=cmd@example.com",,EMAIL_REPEATED_IN_FILE,Eve,Hack,7,`,
    );
    expect(lines.find((line) => line.startsWith('4,'))).toBe(
      '4,pat@example.com,,EMAIL_REPEATED_IN_FILE,Pat,Kim,2,',
    );
    // Pat's namesake (line 3) is not flagged: Pat is another organisation's person.
    expect(lines.some((line) => line.startsWith('3,'))).toBe(false);
    expect(lines.every((line) => !/(^|,)"?[=+\-@\t\r]/.test(line))).toBe(true);
    // The old bearer route works still; without the signature it needs the bearer.
    const bearer = `${gw.url}/api/uploads/${preview.id}/duplicates.csv`;
    expect((await fetch(bearer, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(bearer)).status).toBe(401);
    expect((await fetch(bearer, { headers: { authorization: `Bearer ${other}` } })).status).toBe(404);
    // The signature is bound to its upload and expiry: moved to another upload, or altered, it is refused.
    const another = (await (await postCsv((await newBatch()).batchId, csv)).json()) as Preview;
    expect((await fetch(`${gw.url}/api/uploads/${another.id}/duplicates.csv${link.search}`)).status).toBe(
      403,
    );
    const later = new URLSearchParams(link.search);
    later.set('expires', String(Number(later.get('expires')) + 3600));
    expect((await fetch(`${gw.url}${link.pathname}?${later}`)).status).toBe(403);

    const confirmed = await confirm(preview.id);
    expect(confirmed).toMatchObject({ staged: 3, skippedDuplicates: 5 });
    // Pat's passport is as it was: staging Pat with the original details elsewhere is still EXISTING.
    const again = await newBatch(other);
    const { stageInvitee } = await gw.ok<{ stageInvitee: { uploadStatus: string } }>(
      op.STAGE,
      { input: { batchId: again.batchId, ...pat } },
      other,
    );
    expect(stageInvitee.uploadStatus).toBe('EXISTING');
  });

  it('confirming twice, or twice at the same time, stages once; confirming with invitations invites them', async () => {
    const { batchId } = await newBatch();
    const rows = Array.from({ length: 40 }, (_, i) => `twice${i}@example.com,1990-01-01,T,,W${i},,,`);
    const preview = (await (await postCsv(batchId, [HEADER, ...rows].join('\n'))).json()) as Preview;
    const [a, b] = await Promise.all([
      confirm(preview.id, { sendInvitations: true, message: 'Hello' }),
      confirm(preview.id, { sendInvitations: true, message: 'Hello' }),
    ]);
    expect(a).toMatchObject({ staged: 40, invited: 40 });
    expect(b).toMatchObject({ staged: 40, invited: 40 });
    const third = await confirm(preview.id);
    expect(third).toMatchObject({ staged: 40, invited: 40, batch: { counts: { uploaded: 0, invited: 40 } } });
    const { upload } = await gw.ok<{ upload: Preview }>(UPLOAD, { id: preview.id }, token);
    expect(upload.confirmed).toBe(true);
    expect((await gw.ok<{ upload: Preview | null }>(UPLOAD, { id: preview.id }, other)).upload).toBeNull();
  });
});

describe('a confirmation cut short, end to end', () => {
  it('carries on by itself after a kill -9, from its last checkpoint, staging each row once', async () => {
    const first = await Gateway.start();
    const token = await first.token('org-w', 'wes');
    const batch = { id: (await first.poolAndBatch(token)).batchId };
    const rows = Array.from({ length: 3000 }, (_, i) => `cut${i}@example.com,1990-01-01,C,,U${i},,,`);
    const preview = (await (
      await fetch(`${first.url}/api/uploads?batchId=${batch.id}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: [HEADER, ...rows].join('\n'),
      })
    ).json()) as Preview;

    // More rows than are confirmed inside the request: it answers at once, the job running.
    const started = await first.ok<{ confirmUpload: Confirmed & { confirmation: Job } }>(
      CONFIRM_JOB,
      { input: { uploadId: preview.id } },
      token,
    );
    expect(started.confirmUpload.confirmation).toMatchObject({ state: 'RUNNING', total: 3000 });
    const countOf = async (gw: Gateway) =>
      (
        await gw.ok<{ invitationBatch: { counts: { uploaded: number } } }>(
          op.BATCH,
          { id: batch.id, first: 1 },
          token,
        )
      ).invitationBatch.counts.uploaded;
    while ((await countOf(first)) < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.kill();

    const second = await Gateway.start({ dataDir: first.dataDir });
    try {
      // What the first gateway staged, once the second has read the log again.
      await second.untilReady();
      const partial = await countOf(second);
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(3000);
      const done = await waitForConfirmation(second, token, preview.id);
      expect(done).toMatchObject({ state: 'DONE', total: 3000, staged: 3000, skippedDuplicates: 0 });
      expect(await countOf(second)).toBe(3000);
      const tab = await second.ok<{ invitationBatch: { uploaded: { totalCount: number } } }>(
        op.BATCH,
        { id: batch.id, first: 1 },
        token,
      );
      expect(tab.invitationBatch.uploaded.totalCount).toBe(3000);
      // Confirming again joins the job done: the same counts, nothing written.
      const head = await second.logHead();
      const again = await second.ok<{ confirmUpload: Confirmed }>(
        CONFIRM,
        { input: { uploadId: preview.id } },
        token,
      );
      expect(again.confirmUpload).toMatchObject({ staged: 3000, skippedDuplicates: 0 });
      expect(await second.logHead()).toBe(head);
    } finally {
      await second.stop();
    }
  });
});
