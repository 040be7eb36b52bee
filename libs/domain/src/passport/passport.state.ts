import type { Passport } from './passport';

export type PassportState = { status: 'absent' } | { status: 'created'; passport: Passport };
