import { ServiceError } from '@invitations/kernel';
import type { Decider } from '@invitations/kernel';
import type { CreatePassport, PassportCommand } from './passport.commands';
import type { PassportEvent } from './passport.events';
import type { PassportState } from './passport.state';

function createPassport(command: CreatePassport, state: PassportState): PassportEvent[] {
  // An existing passport is never overwritten, whoever asks.
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', 'This Skills Passport already exists.');
  return [{ type: 'PassportCreated', data: { ...command.passport } }];
}

/** Stream `passport-<passportId>`: the person's own profile, created once and never changed by an organisation. */
export const passportDecider: Decider<PassportCommand, PassportEvent, PassportState> = {
  decide(command, state) {
    switch (command.type) {
      case 'CreatePassport':
        return createPassport(command, state);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'PassportCreated':
        return { status: 'created', passport: { ...event.data } };
    }
  },
  initialState: () => ({ status: 'absent' }),
};
