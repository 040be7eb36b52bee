import { decideByType, evolveByType, ServiceError, type Decider } from '@invitations/kernel';
import { erasedPassport } from '../personal-data/erased';
import type { CreatePassport, ErasePassport, PassportCommand } from './passport.commands';
import type { PassportCreated, PassportEvent } from './passport.events';
import type { PassportState } from './passport.state';

function createPassport(command: CreatePassport, state: PassportState): PassportEvent[] {
  // An existing passport is never overwritten, whoever asks.
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', 'This Skills Passport already exists.');
  return [{ type: 'PassportCreated', data: { ...command.passport } }];
}

/** Stream `passport-<passportId>`: the person's own profile, created once and never changed by an organisation. */
/** Erasing a passport twice changes nothing. */
function erasePassport(command: ErasePassport, state: PassportState): PassportEvent[] {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', 'No Skills Passport with this id.');
  if (state.erased) return [];
  return [{ type: 'PassportErased', data: { passportId: state.passport.passportId, erasedAt: command.now } }];
}

export const passportDecider: Decider<PassportCommand, PassportEvent, PassportState> = {
  decide: decideByType({ CreatePassport: createPassport, ErasePassport: erasePassport }),
  evolve: evolveByType<PassportEvent, PassportState>({
    PassportCreated: (_state, event) => {
      // Read after its key was destroyed (`erased: true` in the data), the passport's fields read [erased]; it
      // counts as erased once its erasure is recorded (an erasure cut short is completed by erasing again).
      const { erased: _erased, ...passport } = event.data as PassportCreated['data'] & { erased?: true };
      return { status: 'created', passport };
    },
    PassportErased: (state) =>
      state.status === 'absent'
        ? state
        : { ...state, passport: erasedPassport(state.passport.passportId), erased: true },
  }),
  initialState: () => ({ status: 'absent' }),
};
