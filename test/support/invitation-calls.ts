import type { Gateway } from './gateway-harness';
import * as op from './operations';

/** What sendInvitations answers: who was invited, who joined at once with their passport, who was skipped and why. */
export interface SentInvitations<Invitee> {
  invited: Invitee[];
  autoAccepted: Invitee[];
  skipped: { inviteeId: string; reason: string }[];
}

/** A person to stage, named `name` (their email made from it), with `extra` details over the usual ones. */
export const person = (name: string, extra: Record<string, unknown> = {}) => ({
  email: `${name.toLowerCase()}@example.com`,
  dateOfBirth: '1990-05-01',
  firstName: name,
  lastName: 'Tester',
  ...extra,
});

/** stageInvitee as an admin's client calls it: the staged person (with op.STAGE's fields). */
export async function stageInvitee<Invitee>(
  gw: Gateway,
  token: string,
  input: Record<string, unknown>,
): Promise<Invitee> {
  return (await gw.ok<{ stageInvitee: Invitee }>(op.STAGE, { input }, token)).stageInvitee;
}

/** sendInvitations as an admin's client calls it (op.SEND's fields). */
export async function sendInvitations<Invitee>(
  gw: Gateway,
  token: string,
  input: Record<string, unknown>,
): Promise<SentInvitations<Invitee>> {
  return (await gw.ok<{ sendInvitations: SentInvitations<Invitee> }>(op.SEND, { input }, token))
    .sendInvitations;
}
