import type { PersonDetails, ProfileField, UploadStatus } from '../person/person-details';

/** The tab an invitee shows under (GraphQL `InviteeState`), plus the states outside the tabs. */
export type InviteeStatus = 'UPLOADED' | 'INVITED' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED' | 'DECLINED';

/**
 * The latest invitation. It stays in the state once revoked, expired or accepted: a resend names it as the
 * previous one, and accepting twice with its token is recognised as harmless.
 */
export interface CurrentInvitation {
  invitationId: string;
  sentAt: string;
  expiresAt: string;
  message: string | null;
  /** Null until the notification process manager has issued the token. */
  tokenHash: string | null;
  /** When its one reminder is due; null for none (or an invitation sent before reminders existed). */
  remindAt: string | null;
  /** When the person was reminded of this invitation (by the schedule or an admin); null until then. */
  remindedAt: string | null;
}

export type InviteeState =
  | { status: 'absent' }
  | {
      status: InviteeStatus | 'REMOVED';
      inviteeId: string;
      batchId: string;
      poolId: string;
      organisationId: string;
      person: PersonDetails;
      uploadStatus: UploadStatus;
      discrepancies: ProfileField[];
      passportId: string | null;
      uploadId: string | null;
      stagedAt: string;
      invitation: CurrentInvitation | null;
      invitedAt: string | null;
      acceptedAt: string | null;
      autoAccepted: boolean;
      declinedAt: string | null;
      /** Their personal data was erased: `person` reads `[erased]`, and nothing more can be done with them. */
      erased?: boolean;
      /**
       * When the erasure was recorded (InviteeErased). A person can read erased without it: their key destroyed by
       * an erasure cut short before its event was written, which erasing again completes.
       */
      erasedAt?: string;
    };

/** An invitee that was staged, whatever became of it since (removed included). */
export type StagedInviteeState = Exclude<InviteeState, { status: 'absent' }>;
