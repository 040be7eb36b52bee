import type { Event } from '@invitations/kernel';
import type { Passport } from './passport';

/** Stream: `passport-<passportId>`. Created when a NEW person accepts; never changed by an organisation. */
export type PassportCreated = Event<'PassportCreated', Passport>;

export type PassportEvent = PassportCreated;
