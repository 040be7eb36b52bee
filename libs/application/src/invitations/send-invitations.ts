import { inviteeDecider, inviteeStreamId, requireInvitationMessage } from '@invitations/domain';
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
import { expiryOf } from './invitation-expiry';

export interface SendInvitationsDeps {
  store: EventStore;
  passports: Pick<PassportLookup, 'byEmail'>;
  memberships: Memberships;
  invitees: BatchInvitees;
  settings: InvitationSettings;
}

export interface SendInvitationsRequest {
  batchId: string;
  /** The people to invite; with `all`, everyone invitable in the batch. */
  inviteeIds: readonly string[] | null;
  all: boolean;
  message: string | null;
}

export interface SendInvitationsOutcome extends Written {
  invited: string[];
  autoAccepted: string[];
  skipped: { inviteeId: string; reason: string }[];
}

/** How many invitees are written at once: enough to share the event store's group commits. */
const PARALLELISM = 32;

/**
 * Invites staged people: each gets an InvitationSent (the notification process manager then issues the token and
 * sends the email and text message), or is accepted at once when they are already a member of another pool of the
 * organisation. INVALID people, and anyone not in the Uploaded tab, are skipped with the reason.
 */
export async function sendInvitations(
  deps: SendInvitationsDeps,
  context: AdminContext,
  request: SendInvitationsRequest,
): Promise<SendInvitationsOutcome> {
  await batchOfOrganisation(deps.store, context.organisationId, request.batchId);
  const message = requireInvitationMessage(request.message);
  const ids = await targets(deps, context, request);
  const outcome: SendInvitationsOutcome = { invited: [], autoAccepted: [], skipped: [], position: -1n };
  for (let i = 0; i < ids.length; i += PARALLELISM) {
    const results = await Promise.all(
      ids.slice(i, i + PARALLELISM).map((id) => sendOne(deps, context, request.batchId, message, id)),
    );
    for (const result of results) {
      if (result.kind === 'skipped')
        outcome.skipped.push({ inviteeId: result.inviteeId, reason: result.reason });
      else {
        outcome[result.kind].push(result.inviteeId);
        if (result.position > outcome.position) outcome.position = result.position;
      }
    }
  }
  return outcome;
}

async function targets(
  deps: SendInvitationsDeps,
  context: AdminContext,
  { batchId, inviteeIds, all }: SendInvitationsRequest,
): Promise<string[]> {
  if (all) {
    const uploaded = await deps.invitees.idsInState(context.organisationId, batchId, 'UPLOADED');
    return [...new Set([...(inviteeIds ?? []), ...uploaded])];
  }
  if (!inviteeIds || inviteeIds.length === 0) {
    throw new ServiceError('BAD_USER_INPUT', 'Name the people to invite (inviteeIds) or set all to true.', [
      { field: 'inviteeIds', message: 'give at least one invitee, or set all to true' },
    ]);
  }
  return [...new Set(inviteeIds)];
}

type SendResult =
  | { kind: 'invited' | 'autoAccepted'; inviteeId: string; position: bigint }
  | { kind: 'skipped'; inviteeId: string; reason: string };

async function sendOne(
  deps: SendInvitationsDeps,
  context: AdminContext,
  batchId: string,
  message: string | null,
  inviteeId: string,
): Promise<SendResult> {
  try {
    const invitee = await inviteeOfOrganisation(deps.store, context.organisationId, inviteeId);
    if (invitee.batchId !== batchId)
      throw new ServiceError('NOT_FOUND', 'No invitee with this id in this batch.');
    const memberElsewhere = await memberElsewhereWith(deps, invitee);
    const { events, position } = await handleCommand(
      deps.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => ({
        type: 'SendInvitation' as const,
        invitationId: deriveId(context.commandId, inviteeId, 'invitation'),
        message,
        now: context.now.toISOString(),
        expiresAt: expiryOf(context.now, deps.settings),
        memberElsewhereWithPassportId: memberElsewhere,
      }),
      { ...context, commandId: deriveId(context.commandId, inviteeId) },
    );
    const kind = events.some((e) => e.type === 'InvitationAccepted') ? 'autoAccepted' : 'invited';
    return { kind, inviteeId, position };
  } catch (error) {
    if (error instanceof ServiceError) return { kind: 'skipped', inviteeId, reason: error.message };
    throw error;
  }
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
