import {
  invitationSchedule,
  inviteeDecider,
  inviteeStreamId,
  requireInvitationMessage,
  type InviteeCommand,
  type InviteeStatus,
} from '@invitations/domain';
import { handleCommand, type EventStore } from '@invitations/event-store';
import { deriveId, ServiceError } from '@invitations/kernel';
import type { AdminContext, BatchInvitees, InvitationSettings, Written } from '../../ports';
import { batchOfOrganisation, inviteeOfOrganisation, type LiveInvitee } from '../../tenancy/tenant-streams';
import { termsOfBatch } from '../invitation-terms';
import { newInvitation } from '../new-invitation';
import { inChunks, lastPosition } from './in-chunks';

export interface BulkInvitationDeps {
  store: EventStore;
  invitees: BatchInvitees;
  settings: InvitationSettings;
}

/** The invitees of one batch an action applies to: the ids given, or every invitee in the states given. */
export interface BulkInvitationRequest {
  batchId: string;
  inviteeIds?: readonly string[] | null;
  states?: readonly InviteeStatus[] | null;
  /** The admin's message, for a resend or a reminder (a resend keeps the previous one without). */
  message?: string | null;
}

export interface BulkInvitationOutcome extends Written {
  /** How many invitees the action applied to. */
  count: number;
  skipped: { inviteeId: string; reason: string }[];
}

/** New links with a new expiry (the old links stop working at once), on the batch's terms. */
export async function resendInvitations(
  deps: BulkInvitationDeps,
  context: AdminContext,
  request: BulkInvitationRequest,
): Promise<BulkInvitationOutcome> {
  const message = requireInvitationMessage(request.message ?? null);
  return applyToInvitees(deps, context, request, (invitee, { now, terms }) => ({
    type: 'ResendInvitation',
    ...newInvitation(deps.settings, context.commandId, invitee.inviteeId),
    message: message ?? invitee.invitation?.message ?? null,
    now,
    ...invitationSchedule(now, terms),
  }));
}

/** The same links, their expiry pushed out by whole days; expired ones come back to Invited. */
export async function extendInvitations(
  deps: BulkInvitationDeps,
  context: AdminContext,
  request: BulkInvitationRequest & { days: number },
): Promise<BulkInvitationOutcome> {
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > 365) {
    throw new ServiceError('BAD_USER_INPUT', 'days must be a whole number of days from 1 to 365.', [
      { field: 'days', message: 'must be a whole number of days from 1 to 365' },
    ]);
  }
  return applyToInvitees(deps, context, request, (_invitee, { now, terms }) => ({
    type: 'ExtendInvitation',
    days: request.days,
    now,
    reminderDaysBeforeExpiry: terms.reminderDaysBeforeExpiry,
  }));
}

/** The links stop working. */
export async function revokeInvitations(
  deps: BulkInvitationDeps,
  context: AdminContext,
  request: BulkInvitationRequest,
): Promise<BulkInvitationOutcome> {
  return applyToInvitees(deps, context, request, (_invitee, { now }) => ({ type: 'RevokeInvitation', now }));
}

/** A reminder with the same link to people whose invitation is pending. */
export async function sendReminders(
  deps: BulkInvitationDeps,
  context: AdminContext,
  request: BulkInvitationRequest,
): Promise<BulkInvitationOutcome> {
  const message = requireInvitationMessage(request.message ?? null);
  return applyToInvitees(deps, context, request, (_invitee, { now }) => ({
    type: 'RemindInvitee',
    now,
    automatic: false,
    message,
  }));
}

interface BulkContext {
  now: string;
  terms: Awaited<ReturnType<typeof termsOfBatch>>;
}

/**
 * Decides one command on every targeted invitee, a chunk at a time. Each invitee's write derives its command id
 * from the request's and the invitee, so a repeated request (the same Idempotency-Key) applies nothing twice and
 * answers the same. An invitee the command does not apply to is skipped with the reason.
 */
async function applyToInvitees(
  deps: BulkInvitationDeps,
  context: AdminContext,
  request: BulkInvitationRequest,
  commandFor: (invitee: LiveInvitee, bulk: BulkContext) => InviteeCommand,
): Promise<BulkInvitationOutcome> {
  const batch = await batchOfOrganisation(deps.store, context.organisationId, request.batchId);
  const ids = await targetsOf(deps, context, request);
  const bulk: BulkContext = { now: context.now.toISOString(), terms: await termsOfBatch(deps, batch) };
  const steps = await inChunks(ids, async (inviteeId) => {
    const invitee = await inviteeOfOrganisation(deps.store, context.organisationId, inviteeId);
    if (invitee.batchId !== request.batchId)
      throw new ServiceError('NOT_FOUND', 'No invitee with this id in this batch.');
    const { position } = await handleCommand(
      deps.store,
      inviteeStreamId(inviteeId),
      inviteeDecider,
      () => commandFor(invitee, bulk),
      { ...context, commandId: deriveId(context.commandId, inviteeId) },
    );
    return { kind: 'applied' as const, inviteeId, position };
  });
  const skipped = steps.flatMap((step) =>
    step.kind === 'skipped' ? [{ inviteeId: step.inviteeId, reason: step.reason }] : [],
  );
  return { count: steps.length - skipped.length, skipped, position: lastPosition(steps) };
}

/** The ids given, or the batch's invitees in the states given: one of the two, never both, never neither. */
async function targetsOf(
  deps: BulkInvitationDeps,
  context: AdminContext,
  { batchId, inviteeIds, states }: BulkInvitationRequest,
): Promise<string[]> {
  const named = inviteeIds !== null && inviteeIds !== undefined && inviteeIds.length > 0;
  const inStates = states !== null && states !== undefined && states.length > 0;
  if (named && inStates) {
    throw new ServiceError('BAD_USER_INPUT', 'Give the invitees (inviteeIds) or their states, not both.', [
      { field: 'states', message: 'must not be given with inviteeIds' },
    ]);
  }
  if (!named && !inStates) {
    throw new ServiceError('BAD_USER_INPUT', 'Give the invitees (inviteeIds) or the states to act on.', [
      { field: 'inviteeIds', message: 'give at least one invitee, or the states' },
    ]);
  }
  if (inStates) return deps.invitees.idsInStates(context.organisationId, batchId, [...new Set(states)]);
  return [...new Set(inviteeIds)];
}
