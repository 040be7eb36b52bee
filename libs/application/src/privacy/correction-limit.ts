import { inviteeStreamId } from '@invitations/domain';
import type { EventStore } from '@invitations/event-store';
import { ServiceError } from '@invitations/kernel';

/**
 * Corrections of one invitee an hour. A correction answers which details differ from the passport: corrected again
 * and again, one date after another, it would find a date of birth the organisation was never given. A handful an
 * hour is plenty for typos.
 */
export const CORRECTIONS_PER_INVITEE_PER_HOUR = 5;

const HOUR_MS = 3_600_000;
/** The invitee's last events read back for the count: a correction is one event, and others come between. */
const EVENTS_READ_BACK = 100;

/**
 * RATE_LIMITED when the invitee was corrected CORRECTIONS_PER_INVITEE_PER_HOUR times in the hour before `now`. Counted
 * from the invitee's own stream (its InviteeCorrected events and their times), so every gateway counts alike and a
 * restart forgets nothing.
 */
export async function checkCorrectionLimit(
  store: Pick<EventStore, 'readStream'>,
  inviteeId: string,
  now: Date,
  limit = CORRECTIONS_PER_INVITEE_PER_HOUR,
): Promise<void> {
  const since = now.getTime() - HOUR_MS;
  let corrections = 0;
  let earliest = Infinity;
  const events = store.readStream(inviteeStreamId(inviteeId), {
    direction: 'backwards',
    maxCount: EVENTS_READ_BACK,
  });
  for await (const event of events) {
    const at = Date.parse(event.metadata.timestamp);
    if (at <= since) break;
    if (event.type !== 'InviteeCorrected') continue;
    corrections += 1;
    earliest = Math.min(earliest, at);
  }
  if (corrections < limit) return;
  const seconds = Math.max(1, Math.ceil((earliest + HOUR_MS - now.getTime()) / 1000));
  throw new ServiceError(
    'RATE_LIMITED',
    `This person's details were corrected ${corrections} times in the last hour (at most ` +
      `${limit} an hour): try again in ${seconds} seconds.`,
  );
}
