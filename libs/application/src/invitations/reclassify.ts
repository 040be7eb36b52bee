import { inviteeDecider, inviteeStreamId, type Classification } from '@invitations/domain';
import { handleCommand, type EventStore } from '@invitations/event-store';
import { deriveId, type CommandContext } from '@invitations/kernel';
import { classifiedAgainstPassports } from '../invitees/person-intake';
import type { PassportLookup } from '../ports';
import type { LiveInvitee } from '../tenancy/tenant-streams';

/** The invitee as it stands after its classification was recorded, and the position of that write (-1n: none). */
export interface Reclassified {
  invitee: LiveInvitee;
  position: bigint;
}

/**
 * The person compared with the passports as they are now, the change recorded (InviteeReclassified) so that the
 * admin sees it. Retried with the same command, it records the change once.
 */
export async function reclassified(
  deps: { store: EventStore; passports: PassportLookup },
  context: CommandContext,
  invitee: LiveInvitee,
): Promise<Reclassified> {
  const classification = await classifiedAgainstPassports(invitee.person, deps.passports);
  // Nearly always the same as when staged: then nothing is recorded, and the stream is not read again.
  if (sameClassification(invitee, classification)) return { invitee, position: -1n };
  return recordClassification(deps.store, context, invitee, classification);
}

function sameClassification(invitee: LiveInvitee, classification: Classification): boolean {
  const { uploadStatus, passportId, discrepancies } = classification;
  return (
    invitee.uploadStatus === uploadStatus &&
    invitee.passportId === passportId &&
    invitee.discrepancies.length === discrepancies.length &&
    invitee.discrepancies.every((field, i) => field === discrepancies[i])
  );
}

/** Records the classification on the invitee's stream when it changed. */
export async function recordClassification(
  store: EventStore,
  context: CommandContext,
  invitee: LiveInvitee,
  classification: Classification,
): Promise<Reclassified> {
  const { state, position } = await handleCommand(
    store,
    inviteeStreamId(invitee.inviteeId),
    inviteeDecider,
    () => ({ type: 'ReclassifyInvitee' as const, classification }),
    { ...context, commandId: deriveId(context.commandId, invitee.inviteeId, 'reclassify') },
  );
  return { invitee: state as LiveInvitee, position };
}

/** Why an invitee cannot be invited: the fields that differ from the passport on record (never its values). */
export function detailsDifferReason(fields: readonly string[]): string {
  return `This person's details differ from their Skills Passport: correct them before inviting (differing: ${fields.join(', ')}).`;
}
