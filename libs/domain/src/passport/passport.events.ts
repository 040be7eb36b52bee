import type { Event } from '@invitations/kernel';
import type { Passport } from './passport';

/** Stream: `passport-<passportId>`. Created when a NEW person accepts; never changed by an organisation. */
export type PassportCreated = Event<'PassportCreated', Passport>;

/** The passport's personal data was erased: its key is destroyed. Holds no personal data. */
export type PassportErased = Event<'PassportErased', { passportId: string; erasedAt: string }>;

export type PassportEvent = PassportCreated | PassportErased;
