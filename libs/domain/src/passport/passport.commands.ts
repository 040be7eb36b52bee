import type { Passport } from './passport';

/** Creates the passport of a NEW person as they accept, from the details staged for them. */
export interface CreatePassport {
  type: 'CreatePassport';
  passport: Passport;
}

/** There is deliberately no command that changes a passport: no organisation may. */
/** Erases the passport's personal data (its key destroyed beside this decision). */
export interface ErasePassport {
  type: 'ErasePassport';
  now: string;
}

export type PassportCommand = CreatePassport | ErasePassport;
