import { sharedGatewayWithBatch } from './support/gateway-harness';
import * as op from './support/operations';

const HEADER = 'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role';

/** Every answer carries the security headers and a request id; bodies over a route's limit answer 413. */
describe('HTTP hygiene, end to end', () => {
  const world = sharedGatewayWithBatch('org-h', 'hana');

  it.each([
    ['GraphQL', () => fetch(`${world.gw.url}/graphql`, gqlInit('{ __typename }'))],
    ['the template', () => fetch(`${world.gw.url}/api/templates/invitations.csv`)],
    ['health', () => fetch(`${world.gw.url}/health/live`)],
    ['an unknown route', () => fetch(`${world.gw.url}/nothing-here`)],
    ['an error', () => fetch(`${world.gw.url}/api/uploads?batchId=x`, { method: 'POST' })],
  ])('puts the security headers and a request id on %s', async (_what, call) => {
    const response = await call();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the accept page's own, stricter policy (its form posts to itself)", async () => {
    const response = await fetch(`${world.gw.url}/invitations/accept?token=nope`);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("answers with the caller's X-Request-Id when it is sane, and a new one otherwise", async () => {
    const given = await fetch(
      `${world.gw.url}/graphql`,
      gqlInit('{ __typename }', { 'x-request-id': 'req-1234' }),
    );
    expect(given.headers.get('x-request-id')).toBe('req-1234');
    const insane = await fetch(
      `${world.gw.url}/graphql`,
      gqlInit('{ __typename }', { 'x-request-id': 'a b<c>' }),
    );
    expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 413, as JSON naming the limit, for a GraphQL body over 100 KB', async () => {
    const csv = `${HEADER}\n${'x'.repeat(200 * 1024)}`;
    const response = await fetch(
      `${world.gw.url}/graphql`,
      gqlInit(
        `mutation($csv: String!) { previewUpload(input: { batchId: "${world.batchId}", csv: $csv }) { id } }`,
        {},
        { csv },
      ),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The request body is larger than this route accepts (at most 100 KB).',
      errors: [],
    });
  });

  it("answers 413 for a form over the accept page's limit", async () => {
    const response = await fetch(`${world.gw.url}/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${'t'.repeat(150 * 1024)}`,
    });
    expect(response.status).toBe(413);
  });

  describe('free text with control or bidirectional characters is refused, naming the field', () => {
    it.each([
      ['a pool name with U+202E', op.CREATE_POOL, { name: 'Nurses\u202Etxt.exe' }, 'name'],
      ['a pool name with CR LF', op.CREATE_POOL, { name: 'Nurses\r\nBcc: all@example.com' }, 'name'],
      ['a batch name with NUL', op.CREATE_BATCH, { poolId: 'p', name: 'March\u0000' }, 'name'],
    ])('%s', async (_what, query, variables, field) => {
      const result = await world.gw.graphql(query, variables, world.token);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.errors).toEqual([
        { field, message: expect.stringMatching(/must not contain (control|bidirectional)/) },
      ]);
    });

    it("a person's names and job role", async () => {
      const result = await world.gw.graphql(
        op.STAGE,
        {
          input: {
            batchId: world.batchId,
            email: 'rtl@example.com',
            dateOfBirth: '1990-01-01',
            firstName: 'Ali\u202E',
            lastName: 'Khan\u0007',
            jobRole: 'Nurse\nManager',
          },
        },
        world.token,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((result.errors?.[0]?.extensions?.errors ?? []).map((e) => e.field)).toEqual([
        'firstName',
        'lastName',
        'jobRole',
      ]);
    });

    it("an invitation's message (line breaks allowed)", async () => {
      const result = await world.gw.graphql(
        op.SEND,
        { input: { batchId: world.batchId, all: true, message: 'Hi\u0000' } },
        world.token,
      );
      expect(result.errors?.[0]?.extensions?.errors).toEqual([
        { field: 'message', message: 'must not contain control characters (found U+0000)' },
      ]);
    });

    it("a CSV row's name, by row and field, and a cohort field", async () => {
      const csv = `${HEADER}\nzed@example.com,1990-01-01,Zed\u202E,,Lee,,,\n`;
      const response = await fetch(`${world.gw.url}/api/uploads?batchId=${world.batchId}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${world.token}` },
        body: csv,
      });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { errors: { row?: number; field?: string }[] };
      expect(body.errors).toEqual([
        // The spreadsheet's line: the header is line 1.
        expect.objectContaining({
          row: 2,
          field: 'first_name',
          message: expect.stringMatching(/bidirectional/),
        }),
      ]);
      const cohort = await world.gw.graphql(
        `mutation($input: PreviewUploadInput!) { previewUpload(input: $input) { id } }`,
        {
          input: {
            batchId: world.batchId,
            csv: `${HEADER}\nzed@example.com,1990-01-01,Zed,,Lee,,,\n`,
            cohort: { staffType: 'Agency\u0085' },
          },
        },
        world.token,
      );
      expect(cohort.errors?.[0]?.extensions?.errors).toEqual([
        expect.objectContaining({ field: 'cohort.staffType', message: expect.stringMatching(/U\+0085/) }),
      ]);
    });
  });

  function gqlInit(query: string, headers: Record<string, string> = {}, variables: object = {}): RequestInit {
    return {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.token}`, ...headers },
      body: JSON.stringify({ query, variables }),
    };
  }
});
