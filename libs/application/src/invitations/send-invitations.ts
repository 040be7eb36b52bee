import {
  inviteeDecider,
  inviteeStreamId,
  invitationSchedule,
  requireInvitationMessage,
} from '@invitations/domain';
import type { InvitationTerms } from '@invitations/domain';
import { handleCommand, type EventStore } from '@invitations/event-store';
import { deriveId, ServiceError } from '@invitations/kernel';
import type {
  AdminContext,
  BatchInvitees,
  InvitationSettings,
  Memberships,
  PassportLookup,
  Written,
} from '../ports';
import { batchOfOrganisation, inviteeOfOrganisation, type LiveInvitee } from '../tenancy/tenant-streams';
import { inChunks, lastPosition, type BulkStep } from './bulk/in-chunks';
import { termsOfBatch } from './invitation-terms';
import { newInvitation } from './new-invitation';
import { detailsDifferReason, reclassified } from './reclassify';

export interface SendInvitationsDeps {
  store: EventStore;
  passports: PassportLookup;
  memberships: Memberships;
  invitees: BatchInvitees;
  settings: InvitationSettings;
}

export interface SendInvitationsRequest {
  batchId: string;
  /** The people to invite; or, with `all`, everyone invitable in the batch (never both). */
  inviteeIds: readonly string[] | null;
  all: boolean;
  message: string | null;
}

export interface SendInvitationsOutcome extends Written {
  invited: string[];
  autoAccepted: string[];
  skipped: { inviteeId: string; reason: string }[];
}

/**
 * Invites staged people: each gets an InvitationSent with its token's hash (the notification process manager then
 * sends the email and text message with the link), or is accepted at once when they are already a member of another
 * pool of the organisation. Each person is compared with the passports again first, as they are now: one who became
 * INVALID (a passport created meanwhile with other details) is skipped, the differing fields named. INVALID people,
 * and anyone not in the Uploaded tab, are skipped with the reason. Expiry and reminder follow the batch's terms.
 */
export async function sendInvitations(
  deps: SendInvitationsDeps,
  context: AdminContext,
  request: SendInvitationsRequest,
): Promise<SendInvitationsOutcome> {
  const batch = await batchOfOrganisation(deps.store, context.organisationId, request.batchId);
  const message = requireInvitationMessage(request.message);
  const ids = await targets(deps, context, request);
  const terms = await termsOfBatch(deps, batch);
  const steps = await inChunks(ids, (id) => sendOne(deps, context, request.batchId, message, terms, id));
  const outcome: SendInvitationsOutcome = {
    invited: [],
    autoAccepted: [],
    skipped: [],
    position: lastPosition(steps),
  };
  for (const step of steps) {
    if (step.kind === 'skipped') outcome.skipped.push({ inviteeId: step.inviteeId, reason: step.reason });
    else outcome[step.kind].push(step.inviteeId);
  }
  return outcome;
}

async function targets(
  deps: SendInvitationsDeps,
  context: AdminContext,
  { batchId, inviteeIds, all }: SendInvitationsRequest,
): Promise<string[]> {
  const named = inviteeIds !== null && inviteeIds.length > 0;
  if (all && named) {
    throw new ServiceError(
      'BAD_USER_INPUT',
      'Name the people to invite (inviteeIds) or set all to true, not both.',
      [{ field: 'inviteeIds', message: 'must not be given with all: true' }],
    );
  }
  if (all) return deps.invitees.idsInStates(context.organisationId, batchId, ['UPLOADED']);
  if (!named) {
    throw new ServiceError('BAD_USER_INPUT', 'Name the people to invite (inviteeIds) or set all to true.', [
      { field: 'inviteeIds', message: 'give at least one invitee, or set all to true' },
    ]);
  }
  return [...new Set(inviteeIds)];
}

async function sendOne(
  deps: SendInvitationsDeps,
  context: AdminContext,
  batchId: string,
  message: string | null,
  terms: InvitationTerms,
  inviteeId: string,
): Promise<BulkStep<'invited' | 'autoAccepted'>> {
  let invitee = await inviteeOfOrganisation(deps.store, context.organisationId, inviteeId);
  if (invitee.batchId !== batchId)
    throw new ServiceError('NOT_FOUND', 'No invitee with this id in this batch.');
  if (invitee.status === 'UPLOADED') {
    const now = await reclassified(deps, context, invitee);
    invitee = now.invitee;
    if (invitee.uploadStatus === 'INVALID') {
      const reason = detailsDifferReason(invitee.discrepancies);
      return { kind: 'skipped', inviteeId, reason, position: now.position };
    }
  }
  const memberElsewhere = await memberElsewhereWith(deps, invitee);
  const now = context.now.toISOString();
  const { events, position } = await handleCommand(
    deps.store,
    inviteeStreamId(inviteeId),
    inviteeDecider,
    () => ({
      type: 'SendInvitation' as const,
      ...newInvitation(deps.settings, context.commandId, inviteeId),
      message,
      now,
      ...invitationSchedule(now, terms),
      memberElsewhereWithPassportId: memberElsewhere,
    }),
    { ...context, commandId: deriveId(context.commandId, inviteeId) },
  );
  const kind = events.some((e) => e.type === 'InvitationAccepted') ? 'autoAccepted' : 'invited';
  return { kind, inviteeId, position };
}

/** The passport of a person who is already a member of another pool of this organisation, else null. */
async function memberElsewhereWith(deps: SendInvitationsDeps, invitee: LiveInvitee): Promise<string | null> {
  const passportId =
    invitee.passportId ?? (await deps.passports.byEmail(invitee.person.email))?.passportId ?? null;
  if (passportId === null) return null;
  const member = await deps.memberships.isMemberOfAnotherPool(
    invitee.organisationId,
    passportId,
    invitee.poolId,
  );
  return member ? passportId : null;
}
