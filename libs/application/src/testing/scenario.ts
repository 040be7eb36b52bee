import { inviteeDecider, inviteeStreamId, type PersonInput } from '@invitations/domain';
import { handleCommand, loadStream } from '@invitations/event-store';
import { deriveInvitationToken, issueInvitationToken } from '@invitations/notifications';
import { newId } from '@invitations/kernel';
import { createInvitationBatch } from '../batches/create-invitation-batch';
import { acceptInvitation } from '../invitations/accept-invitation';
import { sendInvitations } from '../invitations/send-invitations';
import { stageInvitee } from '../invitees/stage-invitee';
import { createResourcePool } from '../pools/create-resource-pool';
import type { AdminContext } from '../ports';
import {
  adminContext,
  applicationWorld,
  privateWorld,
  type ApplicationWorld,
  type PrivateWorld,
} from './application-world';

export const ADA: PersonInput = {
  email: 'ada.lovelace@example.org',
  dateOfBirth: '1990-12-10',
  firstName: 'Ada',
  lastName: 'Lovelace',
  mobile: '0412 345 678',
};

/** A pool and a batch in it, of the context's organisation. */
export async function aPoolAndBatch(world: ApplicationWorld, context: Partial<AdminContext> = {}) {
  const { poolId } = await createResourcePool(world, adminContext(context), 'Riggers');
  const { batchId } = await createInvitationBatch(world, adminContext(context), poolId, 'March intake');
  return { poolId, batchId };
}

/** A world (a fresh one unless given) holding a pool and a batch of it: what most use cases' tests start from. */
export async function aWorldWithABatch<W extends ApplicationWorld = ApplicationWorld>(
  world: W = applicationWorld() as W,
) {
  return { world, ...(await aPoolAndBatch(world)) };
}

/**
 * For each test of the describe block that calls it: a world with its personal data encrypted (`make`'s, by
 * default privateWorld()) holding a pool and a batch, its keys removed after the test. Set once a test runs.
 */
export function eachPrivateWorldWithABatch<W extends PrivateWorld = PrivateWorld>(
  make: () => Promise<W> = privateWorld as () => Promise<W>,
): { world: W; batchId: string } {
  const each = {} as { world: W; batchId: string };
  beforeEach(async () => Object.assign(each, await aWorldWithABatch(await make())));
  afterEach(() => each.world.dispose());
  return each;
}

/** A person staged into the batch. */
export async function staged(world: ApplicationWorld, batchId: string, person: PersonInput = ADA) {
  const { inviteeId } = await stageInvitee(world, adminContext(), batchId, person);
  return inviteeId;
}

/** A person staged and invited, with the token the notification process manager would have sent them. */
export async function invitedWithToken(world: ApplicationWorld, batchId: string, person: PersonInput = ADA) {
  const inviteeId = await staged(world, batchId, person);
  await sendTo(world, batchId, [inviteeId]);
  return { inviteeId, token: await linkTokenOf(world, inviteeId) };
}

/** The token of the invitee's current invitation, as its link carries it (derived, as the messages derive it). */
export async function linkTokenOf(world: ApplicationWorld, inviteeId: string): Promise<string> {
  const { state } = await loadStream(world.store, inviteeStreamId(inviteeId), inviteeDecider);
  if (state.status === 'absent' || state.invitation === null)
    throw new Error(`${inviteeId} has no invitation`);
  return deriveInvitationToken(world.settings.invitationTokenSecret, inviteeId, state.invitation.invitationId)
    .token;
}

/** Invites the named people of a batch (not `all`), as an admin does, with no message unless given. */
export function sendTo(
  world: ApplicationWorld,
  batchId: string,
  inviteeIds: string[],
  message: string | null = null,
) {
  return sendInvitations(world, adminContext(), { batchId, inviteeIds, all: false, message });
}

/**
 * The person of `token` accepts, then is staged again into a new batch of a new pool of the same organisation and
 * invited there: a member elsewhere, whom inviting accepts at once. Answers that batch, the new invitee, and what
 * sending answered.
 */
export async function memberInvitedToAnotherPool(world: ApplicationWorld, token: string, poolName: string) {
  await acceptInvitation(world, adminContext({ now: new Date('2025-03-03T09:00:00.000Z') }), token);
  const { poolId } = await createResourcePool(world, adminContext(), poolName);
  const { batchId } = await createInvitationBatch(world, adminContext(), poolId, 'April');
  const inviteeId = await staged(world, batchId);
  return { batchId, inviteeId, sent: await sendTo(world, batchId, [inviteeId]) };
}

/** Issues a random token for the current invitation, as the process manager did before tokens were derived. */
export async function issueRandomTokenFor(world: ApplicationWorld, inviteeId: string): Promise<string> {
  const { token, tokenHash } = issueInvitationToken(inviteeId);
  await handleCommand(
    world.store,
    inviteeStreamId(inviteeId),
    inviteeDecider,
    (state) => ({
      type: 'IssueInvitationToken' as const,
      invitationId: state.status === 'absent' || !state.invitation ? '' : state.invitation.invitationId,
      tokenHash,
      now: new Date().toISOString(),
    }),
    { organisationId: 'org-a', actor: null, correlationId: newId(), commandId: newId(), now: new Date() },
  );
  return token;
}
