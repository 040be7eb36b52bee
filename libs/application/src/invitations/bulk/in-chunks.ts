import { ServiceError } from '@invitations/kernel';

/**
 * How many invitees a request writes at once: enough to share the event store's group commits, few enough that a
 * batch of 10,000 goes through in bounded memory, chunk after chunk.
 */
export const CHUNK = 32;

/** What became of one invitee of a bulk action. */
export type BulkStep<Kind extends string> =
  | { kind: Kind; inviteeId: string; position: bigint }
  /** Skipped, having written something on the way (a reclassification) at `position`, or nothing. */
  | { kind: 'skipped'; inviteeId: string; reason: string; position?: bigint };

/**
 * Runs `step` on every id, a chunk at a time; a refusal (ServiceError) skips the invitee with its message as the
 * reason, anything else fails the request (what was written stays: retrying with the same command id writes the
 * rest once).
 */
export async function inChunks<Kind extends string>(
  ids: readonly string[],
  step: (inviteeId: string) => Promise<BulkStep<Kind>>,
): Promise<BulkStep<Kind>[]> {
  const results: BulkStep<Kind>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK).map(async (inviteeId): Promise<BulkStep<Kind>> => {
      try {
        return await step(inviteeId);
      } catch (error) {
        if (error instanceof ServiceError) return { kind: 'skipped', inviteeId, reason: error.message };
        throw error;
      }
    });
    results.push(...(await Promise.all(chunk)));
  }
  return results;
}

/** The last position written by the steps (-1n when none wrote). */
export function lastPosition(steps: readonly BulkStep<string>[]): bigint {
  let position = -1n;
  for (const step of steps) {
    if (step.position !== undefined && step.position > position) position = step.position;
  }
  return position;
}
