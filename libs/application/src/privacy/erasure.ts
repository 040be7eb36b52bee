import {
  inviteeDecider,
  inviteeStreamId,
  isEmailAddress,
  passportDecider,
  passportKeyDecider,
  passportKeyStreamId,
  passportStreamId,
  type ErasureReason,
  type InviteeState,
  type ReservationKey,
} from '@invitations/domain';
import { handleCommand, loadStream, type EventStore, type KeyStore } from '@invitations/event-store';
import { deriveId, ServiceError, type CommandContext } from '@invitations/kernel';
import type { AdminContext, BatchInvitees } from '../ports';
import { releaseSeats, seatKeysOf } from '../seats/pool-seats';
import { notFound } from '../tenancy/tenant-streams';

/** What erasure needs: the log, and the keys its personal data is encrypted under. */
export interface ErasureDeps {
  store: EventStore;
  keys: KeyStore;
}

/** One invitee erased: when, and the position the read models must reach to show it. */
export interface InviteeErasure {
  inviteeId: string;
  organisationId: string;
  erasedAt: string;
  position: bigint;
}

/** An operator's erasure of a person by email: their passport and every invitee with that email, everywhere. */
export interface PersonErasure {
  passportId: string | null;
  invitees: InviteeErasure[];
  position: bigint;
}

/** What an operator is told of an erasure (POST /ops/erasure, `ops erase`): no position, nothing personal. */
export interface ErasureSummary {
  passportId: string | null;
  invitees: { inviteeId: string; organisationId: string; erasedAt: string }[];
}

export function summaryOf(erasure: PersonErasure): ErasureSummary {
  return {
    passportId: erasure.passportId,
    invitees: erasure.invitees.map(({ inviteeId, organisationId, erasedAt }) => ({
      inviteeId,
      organisationId,
      erasedAt,
    })),
  };
}

type StagedInvitee = Exclude<InviteeState, { status: 'absent' }>;

/**
 * Erases one invitee of the admin's organisation (another organisation's answers NOT_FOUND): their seats in the pool
 * are freed while their email and mobile can still be read (they can be staged again as anyone new), their key is
 * destroyed (every event holding their details reads `[erased]` from then on, wherever the log is), and the erasure
 * is recorded, revoking a pending invitation. In that order, so that an erasure cut short leaves the data unreadable
 * and erasing again completes it. Erasing twice changes nothing.
 */
export async function eraseInvitee(
  deps: ErasureDeps,
  context: AdminContext,
  inviteeId: string,
  reason: ErasureReason = 'ADMIN',
): Promise<InviteeErasure> {
  const { state } = await loadStream(deps.store, inviteeStreamId(inviteeId), inviteeDecider);
  if (state.status === 'absent' || state.organisationId !== context.organisationId) throw notFound('invitee');
  return eraseStaged(deps, context, state, reason);
}

async function eraseStaged(
  deps: ErasureDeps,
  context: AdminContext,
  invitee: StagedInvitee,
  reason: ErasureReason,
): Promise<InviteeErasure> {
  const streamId = inviteeStreamId(invitee.inviteeId);
  if (!invitee.erased && invitee.status !== 'REMOVED') {
    await releaseSeats(deps.store, invitee.poolId, invitee.inviteeId, seatKeysOf(invitee.person), context);
  }
  await deps.keys.destroy([streamId]);
  const { state, position } = await handleCommand(
    deps.store,
    streamId,
    inviteeDecider,
    () => ({ type: 'EraseInvitee' as const, now: context.now.toISOString(), reason }),
    context,
  );
  const erasedAt = (state.status !== 'absent' && state.erasedAt) || context.now.toISOString();
  return { inviteeId: invitee.inviteeId, organisationId: invitee.organisationId, erasedAt, position };
}

/**
 * An operator's erasure of a person (POST /ops/erasure, `ops erase --email`): their Skills Passport (its email and
 * mobile freed for a new one, its key destroyed) and every invitee with that email in every organisation. The
 * invitees are found in the invitees read model: one staged a moment ago may not be there yet (erase again).
 */
export async function erasePerson(
  deps: ErasureDeps & { invitees: Pick<BatchInvitees, 'withEmail'> },
  context: CommandContext,
  email: string,
): Promise<PersonErasure> {
  const normalised = email.trim().toLowerCase();
  if (!isEmailAddress(normalised)) {
    throw new ServiceError('BAD_USER_INPUT', 'Give the email address of the person to erase.', [
      { field: 'email', message: 'Not an email address.' },
    ]);
  }
  const passport = await erasePassportOf(deps, context, normalised);
  const invitees: InviteeErasure[] = [];
  for (const { inviteeId, organisationId } of await deps.invitees.withEmail(normalised)) {
    const own = { ...context, organisationId, commandId: deriveId(context.commandId, 'erase', inviteeId) };
    invitees.push(await eraseInvitee(deps, own, inviteeId, 'OPS'));
  }
  const position = [passport.position, ...invitees.map((erasure) => erasure.position)].reduce(
    (latest, next) => (next > latest ? next : latest),
    -1n,
  );
  return { passportId: passport.passportId, invitees, position };
}

async function erasePassportOf(
  deps: ErasureDeps,
  context: CommandContext,
  email: string,
): Promise<{ passportId: string | null; position: bigint }> {
  const held = await loadStream(deps.store, passportKeyStreamId('email', email), passportKeyDecider);
  const { passportId } = held.state;
  if (passportId === null) return { passportId: null, position: -1n };
  const streamId = passportStreamId(passportId);
  const { state } = await loadStream(deps.store, streamId, passportDecider);
  const system = { ...context, organisationId: null };
  const keys: { key: ReservationKey; value: string }[] = [{ key: 'email', value: email }];
  if (state.status === 'created' && !state.erased && state.passport.mobile)
    keys.push({ key: 'mobile', value: state.passport.mobile });
  for (const { key, value } of keys) {
    await handleCommand(
      deps.store,
      passportKeyStreamId(key, value),
      passportKeyDecider,
      () => ({ type: 'ReleasePassportKey' as const, passportId, key }),
      { ...system, commandId: deriveId(context.commandId, 'release-passport', key) },
    );
  }
  await deps.keys.destroy([streamId]);
  // A key claimed by a passport whose creation was cut short: freed, and nothing else to erase.
  if (state.status === 'absent') return { passportId: null, position: -1n };
  const { position } = await handleCommand(
    deps.store,
    streamId,
    passportDecider,
    () => ({ type: 'ErasePassport' as const, now: context.now.toISOString() }),
    { ...system, commandId: deriveId(context.commandId, 'erase-passport') },
  );
  return { passportId, position };
}
