import { createHash } from 'node:crypto';
import type { ReservationKey } from './reservation.events';

/**
 * Stream ids of every aggregate. Entity streams are named by their (random) id; reservation streams are
 * keyed by personal data, so that data is hashed: no email or mobile ever appears in a stream id.
 * The values given are already normalised (email trimmed and lower-cased, mobile in E.164).
 */

export const poolStreamId = (poolId: string): string => `pool-${poolId}`;
export const batchStreamId = (batchId: string): string => `batch-${batchId}`;
export const inviteeStreamId = (inviteeId: string): string => `invitee-${inviteeId}`;
export const passportStreamId = (passportId: string): string => `passport-${passportId}`;
export const organisationStreamId = (organisationId: string): string => `organisation-${organisationId}`;
export const uploadStreamId = (uploadId: string): string => `upload-${uploadId}`;

/** The prefixes of the streams whose ids derive from personal data: the event store keys them with a secret. */
export const PERSONAL_KEYED_STREAM_PREFIXES: readonly string[] = ['pool-seat-', 'passport-key-'];

export const poolSeatStreamId = (poolId: string, key: ReservationKey, value: string): string =>
  `pool-seat-${sha256Hex(`${poolId}|${key}|${value}`)}`;

export const passportKeyStreamId = (key: ReservationKey, value: string): string =>
  `passport-key-${sha256Hex(`${key}|${value}`)}`;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
