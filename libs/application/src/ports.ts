import type { InviteeStatus, Passport } from '@invitations/domain';
import { ServiceError, type CommandContext } from '@invitations/kernel';
import type { UploadLimits } from '@invitations/uploads';

/** The context of an admin's command: always of one organisation. */
export type AdminContext = CommandContext & { organisationId: string };

/**
 * What the use cases ask of the read models, named for the question. Uniqueness never rests on these answers (the
 * event store's reservation streams hold it): they classify people and find whom to act on.
 */
export interface PassportLookup {
  byEmail(email: string): Promise<Passport | null>;
  byMobile(mobile: string): Promise<Passport | null>;
}

export interface Memberships {
  /** Whether the passport's holder is already a member of another pool of the organisation. */
  isMemberOfAnotherPool(organisationId: string, passportId: string, poolId: string): Promise<boolean>;
}

export interface BatchInvitees {
  /** The ids of a batch's invitees in any of the states (sending to "all" the uploaded, "every expired"). */
  idsInStates(organisationId: string, batchId: string, states: readonly InviteeStatus[]): Promise<string[]>;
  /** Every invitee with this email, not erased, in every organisation (an operator's erasure of a person). */
  withEmail(email: string): Promise<{ inviteeId: string; organisationId: string }[]>;
}

/** A use case that wrote to the log answers the position the read models must reach to include its write. */
export interface Written {
  /** -1n when nothing was written. */
  position: bigint;
}

/**
 * A refusal that wrote something first (a person found INVALID as they accept is recorded so, for the admin to
 * see): the caller waits for the read models to include `position`, then answers with the refusal.
 */
export class RefusedAfterWriting extends ServiceError {
  constructor(
    refusal: ServiceError,
    readonly position: bigint,
  ) {
    super(refusal.code, refusal.message, refusal.errors);
  }
}

/** How people's details are checked (from the configuration). */
export interface PersonSettings {
  /** ISO 3166 region for national-format mobile numbers. */
  defaultPhoneRegion: string;
  /** Longest value accepted in any field. */
  maxFieldLength: number;
}

/**
 * The service's invitation defaults (INVITATION_TTL_DAYS, REMINDER_DAYS_BEFORE_EXPIRY), used where neither the
 * organisation nor the batch sets its own.
 */
export interface InvitationSettings {
  /** Days before an invitation expires (fractions allowed). */
  invitationTtlDays: number;
  /** Days before expiry at which the one reminder goes out (fractions allowed); null for none. */
  reminderDaysBeforeExpiry: number | null;
  /**
   * The secret invitation tokens derive from (INVITATION_TOKEN_SECRET, resolveInvitationTokenSecret): a new
   * invitation records its token's hash as it is sent (newInvitation). The same as the notification process
   * manager's, wherever it runs.
   */
  invitationTokenSecret: Uint8Array;
}

export interface UploadSettings {
  defaultPhoneRegion: string;
  limits: UploadLimits;
  /** How long a preview can be confirmed. */
  previewTtlHours: number;
}

/** Every setting the use cases read, as one object the apps build from their configuration. */
export type ServiceSettings = PersonSettings & InvitationSettings & UploadSettings;
