import type { Event } from '@invitations/kernel';

/**
 * Reservation streams make uniqueness hold under concurrency through the event store's optimistic concurrency.
 *
 * Pool seats, one per person per pool, by email and by mobile:
 *   stream `pool-seat-<sha256("<poolId>|email|<email>")>` and `pool-seat-<sha256("<poolId>|mobile|<mobile>")>`.
 * Passport keys, one per passport, by email and by mobile:
 *   stream `passport-key-<sha256("email|<email>")>` and `passport-key-<sha256("mobile|<mobile>")>`.
 * Hashed so that no personal data appears in a stream id.
 */
/** Which normalised detail a reservation is keyed by. */
export type ReservationKey = 'email' | 'mobile';

export type PoolSeatReserved = Event<
  'PoolSeatReserved',
  { poolId: string; inviteeId: string; key: 'email' | 'mobile' }
>;
export type PoolSeatReleased = Event<
  'PoolSeatReleased',
  { poolId: string; inviteeId: string; key: 'email' | 'mobile' }
>;
export type PassportKeyClaimed = Event<'PassportKeyClaimed', { passportId: string; key: 'email' | 'mobile' }>;

export type PoolSeatEvent = PoolSeatReserved | PoolSeatReleased;
export type PassportKeyReleased = Event<
  'PassportKeyReleased',
  { passportId: string; key: 'email' | 'mobile' }
>;
export type PassportKeyEvent = PassportKeyClaimed | PassportKeyReleased;
