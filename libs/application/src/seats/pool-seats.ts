import {
  inviteeDecider,
  inviteeStreamId,
  poolSeatDecider,
  poolSeatStreamId,
  type PersonDetails,
  type ReservationKey,
} from '@invitations/domain';
import { handleCommand, loadStream, type EventStore } from '@invitations/event-store';
import { deriveId, type CommandContext } from '@invitations/kernel';

/** How long a reservation whose invitee is not written yet counts as a staging under way. */
export const PENDING_STAGING_GRACE_MS = 60_000;

/** The keys a person holds a seat in a pool by: their email, and their mobile when known. */
export type SeatKeys = { key: ReservationKey; value: string }[];

export function seatKeysOf(person: Pick<PersonDetails, 'email' | 'mobile'>): SeatKeys {
  const keys: SeatKeys = [{ key: 'email', value: person.email }];
  if (person.mobile) keys.push({ key: 'mobile', value: person.mobile });
  return keys;
}

/**
 * One person (by email and by mobile) at most once per pool, held by reservation streams appended with the
 * stream's expected revision: of two concurrent requests for the same person and pool exactly one wins.
 * Reserves every seat or none: when one is taken, those reserved here are released again before it throws.
 */
export async function reserveSeats(
  store: EventStore,
  poolId: string,
  inviteeId: string,
  keys: SeatKeys,
  context: CommandContext,
): Promise<void> {
  const reserved: SeatKeys = [];
  try {
    for (const seat of keys) {
      await reserveSeat(store, poolId, inviteeId, seat, context);
      reserved.push(seat);
    }
  } catch (error) {
    await releaseSeats(store, poolId, inviteeId, reserved, context);
    throw error;
  }
}

export async function releaseSeats(
  store: EventStore,
  poolId: string,
  inviteeId: string,
  keys: SeatKeys,
  context: CommandContext,
): Promise<void> {
  for (const { key, value } of keys) {
    await handleCommand(
      store,
      poolSeatStreamId(poolId, key, value),
      poolSeatDecider,
      () => ({ type: 'ReleasePoolSeat' as const, poolId, inviteeId, key }),
      { ...context, commandId: deriveId(context.commandId, 'release', key) },
    );
  }
}

async function reserveSeat(
  store: EventStore,
  poolId: string,
  inviteeId: string,
  { key, value }: SeatKeys[number],
  context: CommandContext,
): Promise<void> {
  const streamId = poolSeatStreamId(poolId, key, value);
  await handleCommand(
    store,
    streamId,
    poolSeatDecider,
    async (state) => ({
      type: 'ReservePoolSeat' as const,
      poolId,
      inviteeId,
      key,
      holderIsLive:
        state.holderInviteeId !== null &&
        (await holderIsLive(store, streamId, state.holderInviteeId, context.now)),
    }),
    { ...context, commandId: deriveId(context.commandId, 'reserve', key) },
  );
}

/**
 * A holder is live when its invitee exists and was not removed, or while its staging may still be under way
 * (a reservation younger than the grace period). An older reservation without an invitee is an orphan left by a
 * crash between reserving and staging, and no longer keeps the person out.
 */
async function holderIsLive(
  store: EventStore,
  seatStreamId: string,
  inviteeId: string,
  now: Date,
): Promise<boolean> {
  const { state } = await loadStream(store, inviteeStreamId(inviteeId), inviteeDecider);
  if (state.status !== 'absent') return state.status !== 'REMOVED';
  for await (const last of store.readStream(seatStreamId, { direction: 'backwards', maxCount: 1 })) {
    return now.getTime() - Date.parse(last.metadata.timestamp) < PENDING_STAGING_GRACE_MS;
  }
  return false;
}
