import type { Event } from '@invitations/kernel';

/** Stream: `passport-<passportId>`. Created when a NEW person accepts; never changed by an organisation. */
export type PassportCreated = Event<
  'PassportCreated',
  {
    passportId: string;
    email: string;
    dateOfBirth: string;
    firstName: string;
    middleNames: string | null;
    lastName: string;
    preferredName: string | null;
    mobile: string | null;
  }
>;

export type PassportEvent = PassportCreated;
