import type { Clock } from '@invitations/kernel';
import type { EventStore } from '@invitations/event-store';
import type { Invitees } from '@invitations/read-models';
import { InviteeSweep, type InviteeSweepOptions } from '../sweeps/invitee-sweep';

export type ReminderSweepOptions = InviteeSweepOptions;

/**
 * Reminds invited people whose reminder is due (`reminderDaysBeforeExpiry` before their invitation expires, as
 * recorded with the invitation) by deciding RemindInvitee: the decider records one reminder per invitation, so a
 * second sweep, a restart, or another projector after a handover decides nothing. The notification process manager
 * then sends the reminder, with the same link, once per InviteeReminded event.
 */
export class ReminderSweep extends InviteeSweep {
  constructor(
    store: EventStore,
    invitees: Pick<Invitees, 'dueForReminder'>,
    clock: Clock,
    options: ReminderSweepOptions,
  ) {
    super(
      store,
      {
        name: 'reminder',
        verb: 'remind',
        due: (nowIso) => invitees.dueForReminder(nowIso),
        command: (now) => ({ type: 'RemindInvitee', now: now.toISOString(), automatic: true, message: null }),
      },
      clock,
      options,
    );
  }
}
