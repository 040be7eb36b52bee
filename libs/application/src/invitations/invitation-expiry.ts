import type { InvitationSettings } from '../ports';

const DAY_MS = 86_400_000;

/** When an invitation sent now expires. */
export function expiryOf(now: Date, settings: InvitationSettings): string {
  return new Date(now.getTime() + settings.invitationTtlDays * DAY_MS).toISOString();
}
