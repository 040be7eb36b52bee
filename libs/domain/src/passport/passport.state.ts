import type { Passport } from './passport';

export type PassportState =
  | { status: 'absent' }
  /** `erased`: its personal fields read `[erased]`, and its email and mobile are free for a new passport. */
  | { status: 'created'; passport: Passport; erased?: boolean };
