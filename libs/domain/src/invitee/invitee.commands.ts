import type { Classification } from '../person/classification';
import type { PersonDetails } from '../person/person-details';

export type { Classification } from '../person/classification';

export interface StageInvitee {
  type: 'StageInvitee';
  inviteeId: string;
  batch: { batchId: string; poolId: string; organisationId: string };
  person: PersonDetails;
  classification: Classification;
  uploadId: string | null;
  now: string;
}

export interface CorrectInvitee {
  type: 'CorrectInvitee';
  /** The corrected details, merged over the current ones by the handler and normalised. */
  person: PersonDetails;
  classification: Classification;
  /**
   * The new invitation that replaces a pending one when the correction changes the email or mobile it went to
   * (the old link stops working). Absent: such a correction of an invited person is refused.
   */
  reinvitation?: Reinvitation;
}

/** A new invitation, decided by the handler: its id, when it is sent, when it expires and is reminded. */
export interface Reinvitation {
  invitationId: string;
  /** The hash of its token, as SendInvitation's. */
  tokenHash: string;
  now: string;
  expiresAt: string;
  remindAt: string | null;
}

export interface RemoveInvitee {
  type: 'RemoveInvitee';
}

export interface SendInvitation {
  type: 'SendInvitation';
  invitationId: string;
  /** The hash of the invitation's token (derived from its id under the service's secret): its link works at once. */
  tokenHash: string;
  message: string | null;
  now: string;
  expiresAt: string;
  remindAt: string | null;
  /**
   * The passport of the person when they are already a member of another pool of the same organisation:
   * inviting them accepts them at once. Null otherwise.
   */
  memberElsewhereWithPassportId: string | null;
}

export interface ResendInvitation {
  type: 'ResendInvitation';
  invitationId: string;
  /** The hash of the new invitation's token, as SendInvitation's. */
  tokenHash: string;
  message: string | null;
  now: string;
  expiresAt: string;
  remindAt: string | null;
}

export interface IssueInvitationToken {
  type: 'IssueInvitationToken';
  /** The invitation the token is for: refused if it is no longer the current one. */
  invitationId: string;
  tokenHash: string;
  now: string;
}

export interface RevokeInvitation {
  type: 'RevokeInvitation';
  now: string;
}

export interface ExpireInvitation {
  type: 'ExpireInvitation';
  now: string;
}

export interface AcceptInvitation {
  type: 'AcceptInvitation';
  /** SHA-256 (hex) of the token the person presented. */
  tokenHash: string;
  now: string;
  /** The passport the person joins with: the existing one, or the one just created from the staged details. */
  passportId: string;
}

export interface DeclineInvitation {
  type: 'DeclineInvitation';
  /** SHA-256 (hex) of the token the person presented. */
  tokenHash: string;
  now: string;
}

export interface ExtendInvitation {
  type: 'ExtendInvitation';
  /** Whole days added to the expiry (from now, for an invitation that has already lapsed). */
  days: number;
  now: string;
  /** The batch's reminder terms, to schedule the reminder before the new expiry (null: none). */
  reminderDaysBeforeExpiry: number | null;
}

export interface RemindInvitee {
  type: 'RemindInvitee';
  now: string;
  /** By the schedule (once per invitation, when due) rather than by an admin. */
  automatic: boolean;
  message: string | null;
}

export interface ReclassifyInvitee {
  type: 'ReclassifyInvitee';
  classification: Classification;
}

export interface RemoveMember {
  type: 'RemoveMember';
  now: string;
}

/** Why a person's personal data was erased. */
export type ErasureReason = 'ADMIN' | 'OPS' | 'RETENTION';

/** Erases the person's personal data: the key it is encrypted under is destroyed beside this decision. */
export interface EraseInvitee {
  type: 'EraseInvitee';
  now: string;
  reason: ErasureReason;
}

export type InviteeCommand =
  | EraseInvitee
  | StageInvitee
  | CorrectInvitee
  | RemoveInvitee
  | SendInvitation
  | ResendInvitation
  | IssueInvitationToken
  | RevokeInvitation
  | ExpireInvitation
  | AcceptInvitation
  | DeclineInvitation
  | ExtendInvitation
  | RemindInvitee
  | ReclassifyInvitee
  | RemoveMember;
