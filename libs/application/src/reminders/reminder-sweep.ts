import type { Invitees } from '@invitations/read-models';
import { inviteeSweepOf } from '../sweeps/invitee-sweep';

/**
 * Reminds invited people whose reminder is due (`reminderDaysBeforeExpiry` before their invitation expires, as
 * recorded with the invitation) by deciding RemindInvitee: the decider records one reminder per invitation, so a
 * second sweep, a restart, or another projector after a handover decides nothing. The notification process manager
 * then sends the reminder, with the same link, once per InviteeReminded event.
 */
export class ReminderSweep extends inviteeSweepOf<Pick<Invitees, 'dueForReminder'>>({
  name: 'reminder',
  verb: 'remind',
  due: (invitees, nowIso) => invitees.dueForReminder(nowIso),
  command: (now) => ({ type: 'RemindInvitee', now: now.toISOString(), automatic: true, message: null }),
}) {}
