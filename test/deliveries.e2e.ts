import { createHmac } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { FakeTwilio, TWILIO_TEST_ACCOUNT, twilioStatusCallback } from '@invitations/notifications/testing';
import { Gateway } from './support/gateway-harness';
import * as op from './support/operations';

const ACCOUNT = TWILIO_TEST_ACCOUNT;
const AUTH_TOKEN = 'e2e-twilio-auth-token';
const SECRET = 'e2e delivery receipts secret';
const PUBLIC_BASE_URL = 'https://invitations.example.test';
/** A number the fake Twilio refuses as Twilio refuses one that cannot take texts. */
const INVALID_MOBILE = '+61499999999';

const DELIVERY_FIELDS = `id state deliveryStatus deliveries { messageId channel kind status at reason }`;
const INVITEE = `query($id: ID!) { invitee(id: $id) { ${DELIVERY_FIELDS} } }`;
const BATCH = `query($id: ID!, $delivery: [DeliveryStatus!], $states: [InviteeState!]) {
  invitationBatch(id: $id) {
    counts { invited undeliverable }
    invitees(states: $states, delivery: $delivery) { totalCount nodes { id deliveryStatus } }
  }
}`;

type Delivery = {
  messageId: string;
  channel: string;
  kind: string;
  status: string;
  at: string;
  reason: string | null;
};
type Invitee = { id: string; state: string; deliveryStatus: string | null; deliveries: Delivery[] };

/**
 * The delivery status of messages through HTTP, as providers and admins meet it: emails through the outbox and
 * text messages through Twilio (a local server that checks the requests as Twilio would); receipts signed as
 * Standard Webhooks sign theirs, and Twilio's own status callbacks, signed with X-Twilio-Signature; forged, stale,
 * unknown and repeated ones; the status, the counts and the delivery filter they change; a resend starting afresh;
 * and another organisation that sees none of it.
 */
describe('delivery receipts, end to end', () => {
  let gw: Gateway;
  let twilio: FakeTwilio;
  let tokenA: string;
  let tokenB: string;
  let batchA: string;
  let alex: string;
  let bea: string;
  let cy: string;
  let beforeBounce: string;

  beforeAll(async () => {
    twilio = await FakeTwilio.start({
      accountSid: ACCOUNT,
      authToken: AUTH_TOKEN,
      answerFor: (to) =>
        to === INVALID_MOBILE
          ? {
              status: 400,
              body: { code: 21211, message: `The 'To' number ${to} is not a valid phone number.` },
            }
          : null,
    });
    gw = await Gateway.start({
      env: {
        DELIVERY_WEBHOOK_SECRET: SECRET,
        SMS: `twilio://${ACCOUNT}:${AUTH_TOKEN}@+61400000000?api=${encodeURIComponent(twilio.url)}`,
      },
    });
    tokenA = await gw.token('org-a', 'alice');
    tokenB = await gw.token('org-b', 'bob');
  });
  afterAll(async () => {
    await gw?.stop();
    await twilio?.close();
  });

  const invitee = async (id: string, token = tokenA) =>
    (await gw.ok<{ invitee: Invitee | null }>(INVITEE, { id }, token)).invitee;
  const batch = async (variables: Record<string, unknown>, token = tokenA) =>
    (
      await gw.ok<{
        invitationBatch: {
          counts: { invited: number; undeliverable: number };
          invitees: { totalCount: number; nodes: { id: string; deliveryStatus: string | null }[] };
        } | null;
      }>(BATCH, { id: batchA, ...variables }, token)
    ).invitationBatch;
  /** Polls the invitee until the predicate holds (messages are sent by the process manager, in the background). */
  async function until(id: string, holds: (invitee: Invitee) => boolean): Promise<Invitee> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = await invitee(id);
      if (found && holds(found)) return found;
      if (Date.now() > deadline) throw new Error(`invitee ${id} never got there: ${JSON.stringify(found)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const message = (found: Invitee, channel: 'EMAIL' | 'SMS') =>
    found.deliveries.find((delivery) => delivery.channel === channel)!;

  /** A receipt signed as the contract says: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>"> with the secret. */
  function neutralReceipt(
    body: Record<string, unknown>,
    options: { id?: string; at?: number; secret?: string; rawBody?: string } = {},
  ) {
    const id = options.id ?? `wh-${Math.random().toString(36).slice(2)}`;
    const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000));
    const text = options.rawBody ?? JSON.stringify(body);
    const signature = createHmac('sha256', Buffer.from(options.secret ?? SECRET, 'utf8'))
      .update(`${id}.${timestamp}.${text}`)
      .digest('base64');
    return fetch(`${gw.url}/api/delivery-receipts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${signature}`,
      },
      body: text,
    });
  }

  /** A status callback as Twilio posts it: a form, signed over the callback URL it was given and the form. */
  function twilioCallback(messageId: string, form: Record<string, string>, authToken = AUTH_TOKEN) {
    const path = `/api/delivery-receipts/twilio?messageId=${messageId}`;
    const signature = getExpectedTwilioSignature(authToken, `${PUBLIC_BASE_URL}${path}`, form);
    return fetch(`${gw.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(form).toString(),
    });
  }

  it('sends emails to the outbox and text messages to Twilio, each message QUEUED, then SENT once Twilio took it', async () => {
    ({ batchId: batchA } = await gw.poolAndBatch(tokenA, 'Riggers', 'March'));
    const stage = async (input: Record<string, unknown>) =>
      (
        await gw.ok<{ stageInvitee: { id: string } }>(
          op.STAGE,
          { input: { batchId: batchA, ...input } },
          tokenA,
        )
      ).stageInvitee.id;
    alex = await stage({
      email: 'alex@example.com',
      dateOfBirth: '1991-03-14',
      firstName: 'Alex',
      lastName: 'Ng',
      mobile: '0412 345 678',
    });
    bea = await stage({
      email: 'bea@example.com',
      dateOfBirth: '1990-01-01',
      firstName: 'Bea',
      lastName: 'Stone',
    });
    cy = await stage({
      email: 'cy@example.com',
      dateOfBirth: '1992-02-02',
      firstName: 'Cy',
      lastName: 'Po',
      mobile: INVALID_MOBILE,
    });
    await gw.ok(op.SEND, { input: { batchId: batchA, all: true } }, tokenA);

    const alexNow = await until(
      alex,
      (found) => found.deliveries.length === 2 && message(found, 'SMS').status === 'SENT',
    );
    const email = await gw.waitForMessage((m) => m.inviteeId === alex && m.channel === 'email');
    expect(email).toMatchObject({ kind: 'invitation', channel: 'email', to: 'alex@example.com' });
    expect(message(alexNow, 'EMAIL')).toMatchObject({
      messageId: email.id,
      kind: 'INVITATION',
      status: 'QUEUED',
      reason: null,
    });
    expect(alexNow.deliveryStatus).toBe('SENT');
    // Twilio got the text message, with the callback URL naming the message.
    const sms = message(alexNow, 'SMS');
    expect(twilio.accepted.find((request) => request.form.To === '+61412345678')?.form).toMatchObject({
      From: '+61400000000',
      StatusCallback: `${PUBLIC_BASE_URL}/api/delivery-receipts/twilio?messageId=${sms.messageId}`,
    });
    expect((await gw.outbox()).some((line) => line.channel === 'sms')).toBe(false);

    // A number Twilio refuses: that text message FAILED with Twilio's reason (without the number), the email QUEUED.
    const cyNow = await until(
      cy,
      (found) => found.deliveries.length === 2 && message(found, 'SMS').status === 'FAILED',
    );
    expect(message(cyNow, 'SMS').reason).toBe(
      "Twilio error 21211: The 'To' number [number] is not a valid phone number.",
    );
    expect(cyNow.deliveryStatus).toBe('QUEUED');
  });

  it('records a neutral receipt signed as Standard Webhooks sign theirs: the status and its reason change', async () => {
    const alexEmail = message((await invitee(alex))!, 'EMAIL');
    const delivered = await neutralReceipt({ messageId: alexEmail.messageId, status: 'DELIVERED' });
    expect(delivered.status).toBe(204);
    const alexNow = (await invitee(alex))!;
    expect(message(alexNow, 'EMAIL')).toMatchObject({ status: 'DELIVERED', reason: null });
    expect(alexNow.deliveryStatus).toBe('DELIVERED');

    const beaEmail = (await until(bea, (found) => found.deliveries.length === 1)).deliveries[0];
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeBounce = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const bounced = await neutralReceipt({
      messageId: beaEmail.messageId,
      status: 'BOUNCED',
      reason: '550 5.1.1 <bea@example.com>: Recipient address rejected',
      occurredAt: '2026-01-01T10:00:00Z',
    });
    expect(bounced.status).toBe(204);
    expect(await invitee(bea)).toMatchObject({
      deliveryStatus: 'BOUNCED',
      deliveries: [
        {
          messageId: beaEmail.messageId,
          channel: 'EMAIL',
          status: 'BOUNCED',
          at: '2026-01-01T10:00:00.000Z',
          reason: '550 5.1.1 <[address]>: Recipient address rejected',
        },
      ],
    });
  });

  it('counts those whose every message failed as undeliverable, and finds them with the delivery filter', async () => {
    expect(await batch({ delivery: ['BOUNCED', 'FAILED', 'COMPLAINED'] })).toEqual({
      counts: { invited: 3, undeliverable: 1 },
      invitees: { totalCount: 1, nodes: [{ id: bea, deliveryStatus: 'BOUNCED' }] },
    });
    expect((await batch({ delivery: ['DELIVERED'], states: ['INVITED'] }))?.invitees.nodes).toEqual([
      { id: alex, deliveryStatus: 'DELIVERED' },
    ]);
    expect((await batch({}))?.invitees.totalCount).toBe(3);
  });

  it('records a receipt delivered twice once: the second answers 204 and writes nothing', async () => {
    const beaEmail = (await invitee(bea))!.deliveries[0];
    const body = { messageId: beaEmail.messageId, status: 'COMPLAINED', reason: 'abuse report' };
    const first = await neutralReceipt(body, { id: 'wh-repeated' });
    expect(first.status).toBe(204);
    const head = await gw.logHead();
    const again = await neutralReceipt(body, { id: 'wh-repeated' });
    expect(again.status).toBe(204);
    expect(await gw.logHead()).toBe(head);
    expect(await invitee(bea)).toMatchObject({ deliveryStatus: 'COMPLAINED' });
  });

  it('refuses forged (401), stale (401), malformed (400) receipts and ones of unknown messages (404)', async () => {
    const alexEmail = message((await invitee(alex))!, 'EMAIL');
    const head = await gw.logHead();
    const body = { messageId: alexEmail.messageId, status: 'BOUNCED' };

    expect((await neutralReceipt(body, { secret: 'not the secret' })).status).toBe(401);
    expect((await neutralReceipt(body, { at: Date.now() - 6 * 60_000 })).status).toBe(401);
    const unsigned = await fetch(`${gw.url}/api/delivery-receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(unsigned.status).toBe(401);
    const malformed = await neutralReceipt({ messageId: alexEmail.messageId, status: 'LOST' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'status' }] });
    const unknown = await neutralReceipt({
      messageId: '00000000-0000-5000-8000-000000000000',
      status: 'DELIVERED',
    });
    expect(unknown.status).toBe(404);

    expect(await gw.logHead()).toBe(head);
    expect(message((await invitee(alex))!, 'EMAIL').status).toBe('DELIVERED');
  });

  it('records Twilio’s own status callbacks, signed with X-Twilio-Signature, and refuses forged ones', async () => {
    const sms = message((await invitee(alex))!, 'SMS');
    expect((await twilioCallback(sms.messageId, twilioStatusCallback('sent'))).status).toBe(204);
    expect(
      (
        await twilioCallback(
          sms.messageId,
          twilioStatusCallback('undelivered', { ErrorCode: '30003' }),
          'forged',
        )
      ).status,
    ).toBe(401);
    expect(message((await invitee(alex))!, 'SMS').status).toBe('SENT');

    expect(
      (await twilioCallback(sms.messageId, twilioStatusCallback('undelivered', { ErrorCode: '30003' })))
        .status,
    ).toBe(204);
    expect(message((await invitee(alex))!, 'SMS')).toMatchObject({
      status: 'BOUNCED',
      reason: 'Twilio error 30003: unreachable destination handset',
    });
    // The email got through: the invitation is not undeliverable.
    expect((await invitee(alex))!.deliveryStatus).toBe('DELIVERED');
    expect(
      (await twilioCallback('00000000-0000-5000-8000-000000000000', twilioStatusCallback('delivered')))
        .status,
    ).toBe(404);
  });

  it('a resend starts a new invitation whose messages start again at QUEUED: no longer undeliverable', async () => {
    const resent = await gw.ok<{ resendInvitation: { id: string } }>(op.RESEND, { id: bea }, tokenA);
    expect(resent.resendInvitation.id).toBe(bea);
    const beaNow = await until(bea, (found) => found.deliveries.length === 2);
    expect(beaNow.deliveryStatus).toBe('QUEUED');
    expect(beaNow.deliveries.map((delivery) => delivery.status)).toEqual(['QUEUED', 'COMPLAINED']);
    expect((await batch({ delivery: ['BOUNCED', 'FAILED', 'COMPLAINED'] }))?.counts.undeliverable).toBe(0);
  });

  it('rebuilds an invitee’s messages as they stood at an instant (inviteeAsOf)', async () => {
    const AS_OF = `query($id: ID!, $asOf: DateTime!) { inviteeAsOf(inviteeId: $id, asOf: $asOf) { ${DELIVERY_FIELDS} } }`;
    const asOf = async (at: string) =>
      (await gw.ok<{ inviteeAsOf: Invitee }>(AS_OF, { id: bea, asOf: at }, tokenA)).inviteeAsOf;

    const then = await asOf(beforeBounce);
    expect(then.deliveryStatus).toBe('QUEUED');
    expect(then.deliveries.map((delivery) => delivery.status)).toEqual(['QUEUED']);
    const now = await asOf(new Date().toISOString());
    expect(now.deliveryStatus).toBe('QUEUED');
    expect(now.deliveries.map((delivery) => delivery.status)).toEqual(['QUEUED', 'COMPLAINED']);
    expect(now.deliveries).toEqual((await invitee(bea))!.deliveries);
  });

  it('shows organisation B none of A’s deliveries', async () => {
    await gw.poolAndBatch(tokenB, 'Other', 'Other');
    expect(await invitee(alex, tokenB)).toBeNull();
    expect(await batch({ delivery: ['DELIVERED', 'BOUNCED', 'COMPLAINED'] }, tokenB)).toBeNull();
    const asB = await gw.graphql(
      `query($id: ID!) { invitationHistory(inviteeId: $id) { type } }`,
      { id: alex },
      tokenB,
    );
    expect(asB.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers 404 on both routes where nothing is configured for them', async () => {
    const plain = await Gateway.start();
    try {
      const neutral = await fetch(`${plain.url}/api/delivery-receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(neutral.status).toBe(404);
      const twilioRoute = await fetch(`${plain.url}/api/delivery-receipts/twilio?messageId=x`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'MessageStatus=delivered',
      });
      expect(twilioRoute.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
