import { given } from '../testing/given-when-then';
import { itIsHeldByOne } from '../testing/held-by-one';
import { ALREADY_IN_POOL_MESSAGE, poolSeatDecider } from './pool-seat.decider';
import type { ReleasePoolSeat, ReservePoolSeat } from './reservation.commands';
import type { PoolSeatReleased, PoolSeatReserved } from './reservation.events';

const POOL = 'pool-0001';
const reserve = (inviteeId: string, holderIsLive = true): ReservePoolSeat => ({
  type: 'ReservePoolSeat',
  poolId: POOL,
  inviteeId,
  key: 'email',
  holderIsLive,
});
const release = (inviteeId: string): ReleasePoolSeat => ({
  type: 'ReleasePoolSeat',
  poolId: POOL,
  inviteeId,
  key: 'email',
});
const reserved = (inviteeId: string): PoolSeatReserved => ({
  type: 'PoolSeatReserved',
  data: { poolId: POOL, inviteeId, key: 'email' },
});
const released = (inviteeId: string): PoolSeatReleased => ({
  type: 'PoolSeatReleased',
  data: { poolId: POOL, inviteeId, key: 'email' },
});

describe('pool seat: one person at most once per pool', () => {
  // A live holder keeps the seat (the refusal below names why); one who is not live loses it.
  itIsHeldByOne(poolSeatDecider, ['invitee-a', 'invitee-b'], {
    claim: (inviteeId) => reserve(inviteeId, true),
    claimed: reserved,
    heldBy: (holderInviteeId) => ({ holderInviteeId }),
  });

  it('refuses a second invitee while a live invitee holds it', () => {
    given(poolSeatDecider, [reserved('invitee-a')])
      .when(reserve('invitee-b', true))
      .thenThrows('CONFLICT', 'already staged, invited or accepted in this pool');
    expect(ALREADY_IN_POOL_MESSAGE).toContain('already staged, invited or accepted in this pool');
  });

  it('is taken over when its holder is not live (an orphan reservation or a removed invitee)', () => {
    given(poolSeatDecider, [reserved('invitee-a')])
      .when(reserve('invitee-b', false))
      .then([reserved('invitee-b')], { holderInviteeId: 'invitee-b' });
  });

  it('is reserved again once released', () => {
    given(poolSeatDecider, [reserved('invitee-a'), released('invitee-a')])
      .when(reserve('invitee-b', true))
      .then([reserved('invitee-b')]);
  });

  it('is released by its holder', () => {
    given(poolSeatDecider, [reserved('invitee-a')])
      .when(release('invitee-a'))
      .then([released('invitee-a')], { holderInviteeId: null });
  });

  it('is not released by anyone else, e.g. a former holder whose seat was taken over', () => {
    given(poolSeatDecider, [reserved('invitee-a'), reserved('invitee-b')])
      .when(release('invitee-a'))
      .then([]);
  });

  it('releasing a seat never reserved changes nothing', () => {
    given(poolSeatDecider, []).when(release('invitee-a')).then([]);
  });
});
