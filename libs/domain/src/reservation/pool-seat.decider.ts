import { decideByType, evolveByType, ServiceError, type Decider } from '@invitations/kernel';
import type { PoolSeatCommand, ReleasePoolSeat, ReservePoolSeat } from './reservation.commands';
import type { PoolSeatEvent } from './reservation.events';
import type { PoolSeatState } from './pool-seat.state';

export const ALREADY_IN_POOL_MESSAGE = 'This person is already staged, invited or accepted in this pool.';

function reservePoolSeat(command: ReservePoolSeat, state: PoolSeatState): PoolSeatEvent[] {
  const { poolId, inviteeId, key } = command;
  if (state.holderInviteeId === inviteeId) return [];
  // A holder that is not live (an orphan of a crash between reserving and staging, or a removed invitee)
  // no longer keeps the person out of the pool.
  if (state.holderInviteeId !== null && command.holderIsLive) {
    throw new ServiceError('CONFLICT', ALREADY_IN_POOL_MESSAGE);
  }
  return [{ type: 'PoolSeatReserved', data: { poolId, inviteeId, key } }];
}

function releasePoolSeat(command: ReleasePoolSeat, state: PoolSeatState): PoolSeatEvent[] {
  const { poolId, inviteeId, key } = command;
  // Only the holder frees the seat: a late release by a former holder must not free someone else's seat.
  if (state.holderInviteeId !== inviteeId) return [];
  return [{ type: 'PoolSeatReleased', data: { poolId, inviteeId, key } }];
}

/**
 * Stream `pool-seat-<sha256(poolId|key|value)>`: one person (by email, and by mobile) at most once per pool.
 * Concurrent reservations race on the stream's expected revision: exactly one wins.
 */
export const poolSeatDecider: Decider<PoolSeatCommand, PoolSeatEvent, PoolSeatState> = {
  decide: decideByType({ ReservePoolSeat: reservePoolSeat, ReleasePoolSeat: releasePoolSeat }),
  evolve: evolveByType<PoolSeatEvent, PoolSeatState>({
    PoolSeatReserved: (_state, event) => ({ holderInviteeId: event.data.inviteeId }),
    PoolSeatReleased: (state, event) =>
      state.holderInviteeId === event.data.inviteeId ? { holderInviteeId: null } : state,
  }),
  initialState: () => ({ holderInviteeId: null }),
};
