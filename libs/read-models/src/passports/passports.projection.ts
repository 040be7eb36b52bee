import type { RecordedEvent } from '@invitations/event-store';
import type { PassportEvent } from '@invitations/domain';
import { createdAt, positionKey, type Projection, type Recorded } from '../projection/projection';
import type { PassportDoc } from './passport.document';
import { possibleDuplicateKey } from './possible-duplicate-key';

/** A passport is created once and never changed by an organisation. */
function evolve(doc: PassportDoc | null, recorded: RecordedEvent): PassportDoc | null {
  if (doc !== null) return doc;
  const event = recorded as Recorded<PassportEvent>;
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
  handles: new Set<PassportEvent['type']>(['PassportCreated']),
  documentIds: (event) => [(event.data as PassportEvent['data']).passportId],
  evolve,
};
