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
}

export interface RemoveInvitee {
  type: 'RemoveInvitee';
}

export interface SendInvitation {
  type: 'SendInvitation';
  invitationId: string;
  message: string | null;
  now: string;
  expiresAt: string;
  /**
   * The passport of the person when they are already a member of another pool of the same organisation:
   * inviting them accepts them at once. Null otherwise.
   */
  memberElsewhereWithPassportId: string | null;
}

export interface ResendInvitation {
  type: 'ResendInvitation';
  invitationId: string;
  message: string | null;
  now: string;
  expiresAt: string;
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

export type InviteeCommand =
  | StageInvitee
  | CorrectInvitee
  | RemoveInvitee
  | SendInvitation
  | ResendInvitation
  | IssueInvitationToken
  | RevokeInvitation
  | ExpireInvitation
  | AcceptInvitation;
