import type { Gateway } from '../../support/gateway-harness';
import { tokenOf } from '../../support/gateway-harness';
import * as op from '../../support/operations';

export interface PersonDetails {
  email: string;
  dateOfBirth: string;
  firstName: string;
  lastName: string;
  mobile?: string;
}

/**
 * People who already hold a Skills Passport, made through the API as an earlier admin and the person would:
 * staged in a batch of `org`, invited, and accepted from the link in their email. They are then members of that
 * organisation's pool `poolName`.
 */
export async function acceptedThroughApi(
  gateway: Gateway,
  org: string,
  poolName: string,
  people: PersonDetails[],
): Promise<void> {
  const token = await gateway.token(org);
  const { batchId } = await gateway.poolAndBatch(token, poolName, 'Earlier intake');
  for (const person of people) {
    await gateway.ok(op.STAGE, { input: { batchId, ...person } }, token);
  }
  await gateway.ok(op.SEND, { input: { batchId, all: true } }, token);
  for (const person of people) {
    const message = await gateway.waitForMessage((m) => m.to === person.email && m.channel === 'email');
    await gateway.ok(op.ACCEPT, { token: tokenOf(message) });
  }
}

/** The accept link of an invitation message, on the gateway the test started (not PUBLIC_BASE_URL's host). */
export function acceptLinkOn(gateway: Gateway, acceptUrl: string): string {
  const url = new URL(acceptUrl);
  return `${gateway.url}${url.pathname}${url.search}`;
}
