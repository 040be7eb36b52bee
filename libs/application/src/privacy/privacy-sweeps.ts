import type { Clock } from '@invitations/kernel';
import type { Invitees, Uploads } from '@invitations/read-models';
import { Sweep, type DueInvitee, type InviteeSweepOptions } from '../sweeps/invitee-sweep';
import { eraseInvitee, type ErasureDeps } from './erasure';
import { shredUploadRows } from './shred-upload-rows';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * RETENTION_DAYS_AFTER_CLOSE: erases the people who never accepted, that many days after their invitation was
 * declined, revoked or expired (reason RETENTION). A person invited again meanwhile is no longer due.
 */
export class RetentionSweep extends Sweep<DueInvitee> {
  constructor(
    deps: ErasureDeps,
    invitees: Pick<Invitees, 'dueForRetention'>,
    daysAfterClose: number,
    clock: Clock,
    options: InviteeSweepOptions,
  ) {
    super(
      {
        name: 'retention',
        verb: 'erase',
        noun: 'invitee',
        due: (nowIso) =>
          invitees.dueForRetention(new Date(Date.parse(nowIso) - daysAfterClose * DAY_MS).toISOString()),
        idOf: (due) => due.inviteeId,
        act: async (due, context) => {
          const organisationId = due.organisationId;
          await eraseInvitee(deps, { ...context, organisationId }, due.inviteeId, 'RETENTION');
          return true;
        },
      },
      clock,
      options,
    );
  }
}

/** Shreds the rows of every upload preview nothing can need any more: confirmed, cancelled or expired. */
export class UploadShredding extends Sweep<{ uploadId: string; organisationId: string }> {
  constructor(
    deps: ErasureDeps,
    uploads: Pick<Uploads, 'toShred'>,
    clock: Clock,
    options: InviteeSweepOptions,
  ) {
    super(
      {
        name: 'upload shredding',
        verb: 'shred the rows of',
        noun: 'upload',
        due: (nowIso) => uploads.toShred(nowIso),
        idOf: (due) => due.uploadId,
        act: (due, context) => shredUploadRows(deps, context, due.uploadId),
      },
      clock,
      options,
    );
  }
}
