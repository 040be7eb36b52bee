import type { RecordedEvent } from '@invitations/event-store';
import type { PassportEvent } from '@invitations/domain';
import { createdAt, positionKey, type Projection, type Recorded } from '../projection/projection';
import type { PassportDoc } from './passport.document';
import { possibleDuplicateKey } from './possible-duplicate-key';

/**
 * A passport is created once and never changed by an organisation. An erased one leaves the read model (its email
 * and mobile free for a new passport); replayed, its creation reads erased and makes no document.
 */
function evolve(doc: PassportDoc | null, recorded: RecordedEvent): PassportDoc | null {
  const event = recorded as Recorded<PassportEvent>;
  if (event.type === 'PassportErased' || (event.data as { erased?: true }).erased) return null;
  if (doc !== null) return doc;
  const { passportId, email, mobile, dateOfBirth, firstName, middleNames, lastName, preferredName } =
    event.data;
  return {
    _id: passportId,
    email,
    mobile,
    dateOfBirth,
    firstName,
    middleNames,
    lastName,
    preferredName,
    nameKey: possibleDuplicateKey(firstName, lastName, dateOfBirth),
    createdAt: createdAt(event),
    _pos: positionKey(event.position),
  };
}

/** `passports`: the Skills Passports, looked up by email, mobile and possible-duplicate key as people are staged. */
export const passportsProjection: Projection<PassportDoc> = {
  name: 'passports',
  handles: new Set<PassportEvent['type']>(['PassportCreated', 'PassportErased']),
  documentIds: (event) => [(event.data as PassportEvent['data']).passportId],
  evolve,
};
