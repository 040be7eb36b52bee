import type { UploadPreviewView } from '@invitations/application';
import { Gateway, tokenOf, type GraphQLError } from './support/gateway-harness';
import * as op from './support/operations';

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';
/** Small enough that the probes below reach it. */
const MATCHES_PER_DAY = 1000;

/** The preview's fields these probes read (the answer of POST /api/uploads). */
type Preview = Pick<
  UploadPreviewView,
  'totalRows' | 'newCount' | 'existingCount' | 'invalidCount' | 'duplicates' | 'possibleDuplicates'
>;

/**
 * The four cross-organisation probes of issue 12, replayed through HTTP by an admin of organisation B against a
 * passport held by a person organisation A invited: each learns no more than the workflow needs (whether an email or
 * a mobile has a passport, and which fields differ), and matching stops at PASSPORT_MATCHES_PER_DAY.
 */
describe('passports that leak nothing across organisations, end to end', () => {
  let gw: Gateway;
  let tokenA: string;
  let tokenB: string;
  let batchA: string;
  let batchB: string;
  const ACC = {
    email: 'acc.ept@example.com',
    dateOfBirth: '1990-06-15',
    firstName: 'Acc',
    lastName: 'Ept',
    mobile: '+61412000001',
  };

  const postCsv = (token: string, batchId: string, rows: string[]) =>
    fetch(`${gw.url}/api/uploads?batchId=${batchId}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: [HEADER, ...rows].join('\n'),
    });
  const preview = async (token: string, batchId: string, rows: string[]) => {
    const response = await postCsv(token, batchId, rows);
    expect(response.status).toBe(200);
    return (await response.json()) as Preview;
  };
  const errorOf = (result: { errors?: GraphQLError[] }) => result.errors?.[0];
  /** Every date of 1990, as the probe tries them. */
  const datesOf1990 = Array.from({ length: 365 }, (_, day) =>
    new Date(Date.UTC(1990, 0, 1 + day)).toISOString().slice(0, 10),
  );

  beforeAll(async () => {
    gw = await Gateway.start({ env: { PASSPORT_MATCHES_PER_DAY: String(MATCHES_PER_DAY) } });
    tokenA = await gw.token('org-a', 'alice');
    tokenB = await gw.token('org-b', 'mallory');
    ({ batchId: batchA } = await gw.poolAndBatch(tokenA, 'Riggers', 'March'));
    ({ batchId: batchB } = await gw.poolAndBatch(tokenB, 'Probes', 'Probe'));
    // Organisation A invites Acc Ept, who accepts: a passport exists, with a date of birth B was never given.
    const { stageInvitee } = await gw.ok<{ stageInvitee: { id: string } }>(
      op.STAGE,
      { input: { batchId: batchA, ...ACC } },
      tokenA,
    );
    await gw.ok(op.SEND, { input: { batchId: batchA, inviteeIds: [stageInvitee.id], all: false } }, tokenA);
    const email = await gw.waitForMessage((m) => m.inviteeId === stageInvitee.id && m.channel === 'email');
    await gw.ok(op.ACCEPT, { token: tokenOf(email) });
  }, 90_000);

  afterAll(() => gw?.stop());

  it('probe 1: 365 rows of the same names, one a day of 1990, flag nothing for another organisation', async () => {
    const rows = datesOf1990.map((date, day) => `acc${day}@example.com,${date},Acc,,Ept,,,`);
    const probe = await preview(tokenB, batchB, rows);
    expect(probe).toMatchObject({ totalRows: 365, newCount: 365, invalidCount: 0, existingCount: 0 });
    expect(probe.possibleDuplicates).toEqual([]);

    // Organisation A, whose person Acc Ept is, is told of a namesake under another email: the rule still works.
    const own = await preview(tokenA, batchA, [`acc.other@example.com,${ACC.dateOfBirth},Acc,,Ept,,,`]);
    expect(own.possibleDuplicates).toEqual([
      { row: 2, email: 'acc.other@example.com', reason: 'SAME_NAME_AND_DATE_OF_BIRTH' },
    ]);
  });

  it('probe 4: a mobile of the passport answers the same in a single add and in an upload, naming no field', async () => {
    const single = await gw.graphql(
      op.STAGE,
      {
        input: {
          batchId: batchB,
          email: 'probe4@example.com',
          dateOfBirth: '1970-01-01',
          firstName: 'Pro',
          lastName: 'Be',
          mobile: ACC.mobile,
        },
      },
      tokenB,
    );
    expect(single.data ?? null).toBeNull();
    expect(errorOf(single)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'mobile', message: 'MOBILE_BELONGS_TO_OTHER_PASSPORT' }],
    });
    expect(JSON.stringify(single)).not.toMatch(/DATE_OF_BIRTH|FIRST_NAME|LAST_NAME|discrepancies/);

    const upload = await preview(tokenB, batchB, [`probe4@example.com,1970-01-01,Pro,,Be,,${ACC.mobile},`]);
    expect(upload.duplicates).toEqual([
      {
        row: 2,
        email: 'probe4@example.com',
        mobile: ACC.mobile,
        reasons: ['MOBILE_BELONGS_TO_OTHER_PASSPORT'],
      },
    ]);
    expect(upload).toMatchObject({ newCount: 0, existingCount: 0, invalidCount: 0 });
  });

  it('probe 3: corrections of one invitee stop after a handful an hour, before a date of birth is found by trial', async () => {
    // Staged with the passport's email: which fields differ is what the workflow tells.
    const { stageInvitee } = await gw.ok<{ stageInvitee: { id: string; discrepancies: string[] } }>(
      op.STAGE,
      {
        input: {
          batchId: batchB,
          email: ACC.email,
          dateOfBirth: '1990-06-10',
          firstName: 'Acc',
          lastName: 'Ept',
        },
      },
      tokenB,
    );
    expect(stageInvitee.discrepancies).toEqual(['DATE_OF_BIRTH']);
    const guesses = ['1990-06-11', '1990-06-12', '1990-06-13', '1990-06-14', '1990-06-16'];
    for (const dateOfBirth of guesses) {
      const { correctInvitee } = await gw.ok<{ correctInvitee: { discrepancies: string[] } }>(
        op.CORRECT,
        { input: { inviteeId: stageInvitee.id, dateOfBirth } },
        tokenB,
      );
      expect(correctInvitee.discrepancies).toEqual(['DATE_OF_BIRTH']);
    }
    // The sixth guess would be right: it is refused, and so tells nothing.
    const sixth = await gw.graphql(
      op.CORRECT,
      { input: { inviteeId: stageInvitee.id, dateOfBirth: ACC.dateOfBirth } },
      tokenB,
    );
    expect(sixth.data ?? null).toBeNull();
    expect(errorOf(sixth)?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('probe 2: mobiles are matched against the passports only up to PASSPORT_MATCHES_PER_DAY an organisation', async () => {
    // B has matched 365 + 1 + 1 (rows and people above) + 1 + 5 (staged and corrected): an upload of the rest of
    // its day's matches is previewed, one more row is refused, whole.
    const spent = 365 + 1 + 1 + 1 + 5;
    const mobiles = (count: number, from: number) =>
      Array.from({ length: count }, (_, index) => {
        const n = from + index;
        return `m${n}@example.com,1980-01-01,Mo,,Bile,,+614130${String(n).padStart(5, '0')},`;
      });
    const rest = await preview(tokenB, batchB, mobiles(MATCHES_PER_DAY - spent, 0));
    expect(rest.totalRows).toBe(MATCHES_PER_DAY - spent);

    const over = await postCsv(tokenB, batchB, mobiles(1, 5000));
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ code: 'RATE_LIMITED' });
    const typed = await gw.graphql(
      op.STAGE,
      {
        input: {
          batchId: batchB,
          email: 'late@example.com',
          dateOfBirth: '1980-01-01',
          firstName: 'La',
          lastName: 'Te',
        },
      },
      tokenB,
    );
    expect(errorOf(typed)?.extensions?.code).toBe('RATE_LIMITED');
    const checked = await gw.graphql(op.CHECK, { email: ACC.email, dob: ACC.dateOfBirth }, tokenB);
    expect(errorOf(checked)?.extensions?.code).toBe('RATE_LIMITED');

    // Each organisation has its own count: A still matches.
    const ofA = await gw.ok<{ checkPersonnel: { passportExists: boolean } }>(
      op.CHECK,
      { email: ACC.email, dob: ACC.dateOfBirth },
      tokenA,
    );
    expect(ofA.checkPersonnel.passportExists).toBe(true);
  });
});
