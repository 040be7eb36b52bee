import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import { poolSeatDecider } from '@invitations/domain';
import type { ReservationKey } from '@invitations/domain';
import { inviteeStreamId, poolSeatStreamId } from '@invitations/domain';
import type { PersonDetails } from '@invitations/domain';
import type { CommandContext } from '@invitations/kernel';
import { handleCommand, loadStream } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { EVENT_STORE } from '../infrastructure/tokens';

/** How long a reservation whose invitee is not written yet counts as a staging under way. */
const PENDING_STAGING_GRACE_MS = 60_000;

type SeatKeys = { key: ReservationKey; value: string }[];

/**
 * One person (by email and by mobile) at most once per pool, held by reservation streams appended with the
 * stream's expected revision: of two concurrent requests for the same person and pool exactly one wins.
 */
@Injectable()
export class PoolSeats {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static keysOf(person: Pick<PersonDetails, 'email' | 'mobile'>): SeatKeys {
    const keys: SeatKeys = [{ key: 'email', value: person.email }];
    if (person.mobile) keys.push({ key: 'mobile', value: person.mobile });
    return keys;
  }

  /** Reserves every seat or none: when one is taken, those reserved here are released again before it throws. */
  async reserveAll(
    poolId: string,
    inviteeId: string,
    keys: SeatKeys,
    context: CommandContext,
  ): Promise<void> {
    const reserved: SeatKeys = [];
    try {
      for (const seat of keys) {
        await this.reserve(poolId, inviteeId, seat, context);
        reserved.push(seat);
      }
    } catch (error) {
      await this.releaseAll(poolId, inviteeId, reserved, context);
      throw error;
    }
  }

  async releaseAll(
    poolId: string,
    inviteeId: string,
    keys: SeatKeys,
    context: CommandContext,
  ): Promise<void> {
    for (const { key, value } of keys) {
      await handleCommand(
        this.store,
        poolSeatStreamId(poolId, key, value),
        poolSeatDecider,
        () => ({ type: 'ReleasePoolSeat' as const, poolId, inviteeId, key }),
        { ...context, commandId: deriveId(context.commandId, 'release', key) },
      );
    }
  }

  private async reserve(
    poolId: string,
    inviteeId: string,
    { key, value }: SeatKeys[number],
    context: CommandContext,
  ) {
    const streamId = poolSeatStreamId(poolId, key, value);
    await handleCommand(
      this.store,
      streamId,
      poolSeatDecider,
      async (state) => ({
        type: 'ReservePoolSeat' as const,
        poolId,
        inviteeId,
        key,
        holderIsLive:
          state.holderInviteeId !== null && (await this.isLive(streamId, state.holderInviteeId, context.now)),
      }),
      { ...context, commandId: deriveId(context.commandId, 'reserve', key) },
    );
  }

  /**
   * A holder is live when its invitee exists and was not removed, or while its staging may still be under way
   * (a reservation younger than the grace period). An older reservation without an invitee is an orphan left by a
   * crash between reserving and staging, and no longer keeps the person out.
   */
  private async isLive(seatStreamId: string, inviteeId: string, now: Date): Promise<boolean> {
    const { state } = await loadStream(this.store, inviteeStreamId(inviteeId), inviteeDecider);
    if (state.status !== 'absent') return state.status !== 'REMOVED';
    for await (const last of this.store.readStream(seatStreamId, { direction: 'backwards', maxCount: 1 })) {
      return now.getTime() - Date.parse(last.metadata.timestamp) < PENDING_STAGING_GRACE_MS;
    }
    return false;
  }
}
