import type { Invitees } from '@invitations/read-models';
import { inviteeSweepOf } from '../sweeps/invitee-sweep';

/**
 * Expires invitations whose time is up (ExpireInvitation). Accepting checks the expiry itself, so a late sweep
 * never lets an expired token through; the sweep moves people out of the Invited tab.
 */
export class ExpirySweep extends inviteeSweepOf<Pick<Invitees, 'dueToExpire'>>({
  name: 'expiry',
  verb: 'expire',
  due: (invitees, nowIso) => invitees.dueToExpire(nowIso),
  command: (now) => ({ type: 'ExpireInvitation', now: now.toISOString() }),
}) {}
