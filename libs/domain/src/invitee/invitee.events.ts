import type { Event } from '@invitations/kernel';
import type { PersonDetails, ProfileField, UploadStatus } from '../person/person-details';
import type { ErasureReason } from './invitee.commands';

/** Stream: `invitee-<inviteeId>`: one person in one batch, through its lifecycle. */

export type InviteeStaged = Event<
  'InviteeStaged',
  {
    inviteeId: string;
    batchId: string;
    poolId: string;
    organisationId: string;
    stagedAt: string;
    person: PersonDetails;
    uploadStatus: UploadStatus;
    discrepancies: ProfileField[];
    /** The passport the person was matched with (EXISTING or INVALID), null when NEW. */
    passportId: string | null;
    /** The bulk upload that staged the person, if any. */
    uploadId: string | null;
    /** Read back so once the person's key was destroyed: `person` then reads `[erased]`. */
    erased?: true;
  }
>;

export type InviteeCorrected = Event<
  'InviteeCorrected',
  {
    inviteeId: string;
    person: PersonDetails;
    uploadStatus: UploadStatus;
    discrepancies: ProfileField[];
    passportId: string | null;
  }
>;

export type InviteeRemoved = Event<'InviteeRemoved', { inviteeId: string }>;

/** An invitation goes out. The token is issued afterwards by the notification process manager. */
export type InvitationSent = Event<
  'InvitationSent',
  {
    inviteeId: string;
    invitationId: string;
    /**
     * The hash of the invitation's token, recorded as it is sent. Absent from invitations sent before 2026-12-06,
     * whose token the notification process manager recorded next (InvitationTokenIssued).
     */
    tokenHash?: string;
    batchId: string;
    poolId: string;
    message: string | null;
    sentAt: string;
    expiresAt: string;
    /** When its one reminder is due; null (or absent, before reminders existed) for none. */
    remindAt?: string | null;
  }
>;

/** A new invitation replaces the current one; the previous token stops working at once. */
export type InvitationResent = Event<
  'InvitationResent',
  {
    inviteeId: string;
    invitationId: string;
    /** As InvitationSent's. */
    tokenHash?: string;
    previousInvitationId: string;
    batchId: string;
    poolId: string;
    message: string | null;
    sentAt: string;
    expiresAt: string;
    remindAt?: string | null;
  }
>;

/**
 * The one-time token of an invitation, kept only as its SHA-256 hash (hex), recorded after the invitation: by the
 * notification process manager for an invitation sent without its hash (before 2026-12-06), or whose token cannot
 * be derived again (a random one, replaced at its reminder or extension).
 */
export type InvitationTokenIssued = Event<
  'InvitationTokenIssued',
  { inviteeId: string; invitationId: string; tokenHash: string; issuedAt: string }
>;

/** An invitation's end (revoked, expired, declined): whose invitation, and when, under the event's own name for it. */
type InvitationEnded<Type extends string, At extends string> = Event<
  Type,
  { inviteeId: string; invitationId: string } & Record<At, string>
>;

export type InvitationRevoked = InvitationEnded<'InvitationRevoked', 'revokedAt'>;

/** `expiredAt` is the invitation's own expiresAt (when it lapsed), not when the scheduler noticed. */
export type InvitationExpired = InvitationEnded<'InvitationExpired', 'expiredAt'>;

export type InvitationAccepted = Event<
  'InvitationAccepted',
  {
    inviteeId: string;
    batchId: string;
    poolId: string;
    /** The passport the person joins with (created just before for a NEW person). */
    passportId: string;
    /** Null when accepted automatically (already a member of another pool of the organisation). */
    invitationId: string | null;
    acceptedAt: string;
    autoAccepted: boolean;
  }
>;

/** The person declined from the invitation's link; its token stops working. */
export type InvitationDeclined = InvitationEnded<'InvitationDeclined', 'declinedAt'>;

/**
 * The current invitation's expiry pushed out: the same link works until the new expiry. An expired invitation comes
 * back to Invited (`reinstated`).
 */
export type InvitationExtended = Event<
  'InvitationExtended',
  {
    inviteeId: string;
    invitationId: string;
    previousExpiresAt: string;
    expiresAt: string;
    /** When its reminder is due now (null for none, or when it was already reminded). */
    remindAt: string | null;
    extendedAt: string;
    reinstated: boolean;
  }
>;

/**
 * A reminder of the current invitation, with its same link: by the schedule (`automatic`, once per invitation) or
 * by an admin. The notification process manager sends it.
 */
export type InviteeReminded = Event<
  'InviteeReminded',
  {
    inviteeId: string;
    invitationId: string;
    remindedAt: string;
    automatic: boolean;
    message: string | null;
  }
>;

/**
 * The person compared again with the passports as they are now (at sending, at accepting): a passport created
 * meanwhile makes a NEW person EXISTING, or INVALID when a detail differs (the fields named, never the values).
 */
export type InviteeReclassified = Event<
  'InviteeReclassified',
  { inviteeId: string; uploadStatus: UploadStatus; discrepancies: ProfileField[]; passportId: string | null }
>;

/** A member taken out of the pool: the passport stays, the person's seat in the pool is free again. */
export type MemberRemoved = Event<
  'MemberRemoved',
  { inviteeId: string; batchId: string; poolId: string; passportId: string; removedAt: string }
>;

/**
 * The person's personal data was erased: the key their details were encrypted under is destroyed, so every event
 * of this stream that held them reads `[erased]` from now on. Holds no personal data itself.
 */
export type InviteeErased = Event<
  'InviteeErased',
  { inviteeId: string; batchId: string; poolId: string; erasedAt: string; reason: ErasureReason }
>;

export type InviteeEvent =
  | InviteeErased
  | InviteeStaged
  | InviteeCorrected
  | InviteeRemoved
  | InvitationSent
  | InvitationResent
  | InvitationTokenIssued
  | InvitationRevoked
  | InvitationExpired
  | InvitationAccepted
  | InvitationDeclined
  | InvitationExtended
  | InviteeReminded
  | InviteeReclassified
  | MemberRemoved;
