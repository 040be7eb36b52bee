import type { RecordedEvent } from '@invitations/event-store';
import type { PassportEvent } from '@invitations/domain';
import { createdAt, insertOnce, type Projection, type ProjectionWrite, type Recorded } from './projection';
import type { PassportDoc } from './read-model.docs';
import { nameKey } from './text-keys';

function project(recorded: RecordedEvent): ProjectionWrite[] {
  const event = recorded as Recorded<PassportEvent>;
  if (event.type !== 'PassportCreated') return [];
  const { passportId, email, mobile, dateOfBirth, firstName, middleNames, lastName, preferredName } =
    event.data;
  const doc: Omit<PassportDoc, '_id' | '_pos'> = {
    email,
    mobile,
    dateOfBirth,
    firstName,
    middleNames,
    lastName,
    preferredName,
    nameKey: nameKey(firstName, lastName, dateOfBirth),
    createdAt: createdAt(event),
  };
  return [insertOnce('passports', passportId, event.position, doc)];
}

/**
 * `passports`: the Skills Passports, looked up by email, mobile and name key when people are staged.
 * Email is unique here too. Mobile is indexed but not unique: most passports have none, the port has no
 * partial indexes, and the event store's passport keys already keep mobiles unique.
 */
export const passportsProjection: Projection = {
  name: 'passports',
  indexes: [
    { keys: { email: 1 }, unique: true, name: 'email_unique' },
    { keys: { mobile: 1 }, name: 'mobile' },
    { keys: { nameKey: 1 }, name: 'name_key' },
  ],
  project,
};
