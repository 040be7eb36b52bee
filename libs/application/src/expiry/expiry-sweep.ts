import type { Clock } from '@invitations/kernel';
import type { EventStore } from '@invitations/event-store';
import type { Invitees } from '@invitations/read-models';
import { InviteeSweep, type InviteeSweepOptions } from '../sweeps/invitee-sweep';

export type ExpirySweepOptions = InviteeSweepOptions;

/**
 * Expires invitations whose time is up (ExpireInvitation). Accepting checks the expiry itself, so a late sweep
 * never lets an expired token through; the sweep moves people out of the Invited tab.
 */
export class ExpirySweep extends InviteeSweep {
  constructor(
    store: EventStore,
    invitees: Pick<Invitees, 'dueToExpire'>,
    clock: Clock,
    options: ExpirySweepOptions,
  ) {
    super(
      store,
      {
        name: 'expiry',
        verb: 'expire',
        due: (nowIso) => invitees.dueToExpire(nowIso),
        command: (now) => ({ type: 'ExpireInvitation', now: now.toISOString() }),
      },
      clock,
      options,
    );
  }
}
