import { poolSeatDecider, poolSeatStreamId } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { adminContext, applicationWorld, typesIn, type ApplicationWorld } from '../testing/application-world';
import { PENDING_STAGING_GRACE_MS, reserveSeats, seatKeysOf } from './pool-seats';

describe('pool seats', () => {
  let world: ApplicationWorld;
  const person = { email: 'ada@example.org', mobile: '+61412345678' };
  const seatStream = poolSeatStreamId('pool-1', 'email', 'ada@example.org');

  beforeEach(() => {
    world = applicationWorld();
  });

  /** A reservation whose invitee was never written, as a crash between reserving and staging leaves it. */
  async function orphanedAt(at: Date): Promise<void> {
    await handleCommand(
      world.store,
      seatStream,
      poolSeatDecider,
      () => ({
        type: 'ReservePoolSeat' as const,
        poolId: 'pool-1',
        inviteeId: 'crashed',
        key: 'email' as const,
        holderIsLive: false,
      }),
      adminContext({ now: at }),
    );
  }

  it('are held by email, and by mobile when known', () => {
    expect(seatKeysOf(person)).toEqual([
      { key: 'email', value: 'ada@example.org' },
      { key: 'mobile', value: '+61412345678' },
    ]);
    expect(seatKeysOf({ ...person, mobile: null })).toEqual([{ key: 'email', value: 'ada@example.org' }]);
  });

  it('keep the person out while a reservation without its invitee may still be a staging under way', async () => {
    const now = new Date('2025-03-02T09:00:00.000Z');
    await orphanedAt(new Date(now.getTime() - PENDING_STAGING_GRACE_MS / 2));
    const reserving = reserveSeats(world.store, 'pool-1', 'later', seatKeysOf(person), adminContext({ now }));
    await expect(reserving).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('take over a reservation older than the grace period whose invitee was never written (an orphan)', async () => {
    const now = new Date('2025-03-02T09:00:00.000Z');
    await orphanedAt(new Date(now.getTime() - PENDING_STAGING_GRACE_MS - 1));
    await reserveSeats(world.store, 'pool-1', 'later', seatKeysOf(person), adminContext({ now }));
    expect(await typesIn(world.store, seatStream)).toEqual(['PoolSeatReserved', 'PoolSeatReserved']);
  });
});
