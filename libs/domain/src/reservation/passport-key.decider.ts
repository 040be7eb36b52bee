import { decideByType, evolveByType, ServiceError, type Decider } from '@invitations/kernel';
import type { ClaimPassportKey, PassportKeyCommand, ReleasePassportKey } from './reservation.commands';
import type { PassportKeyEvent } from './reservation.events';
import type { PassportKeyState } from './passport-key.state';

export const PASSPORT_KEY_TAKEN_MESSAGE = 'A Skills Passport already exists for this email or mobile.';

function claimPassportKey(command: ClaimPassportKey, state: PassportKeyState): PassportKeyEvent[] {
  const { passportId, key } = command;
  if (state.passportId === passportId) return [];
  if (state.passportId !== null) throw new ServiceError('CONFLICT', PASSPORT_KEY_TAKEN_MESSAGE);
  return [{ type: 'PassportKeyClaimed', data: { passportId, key } }];
}

/** Stream `passport-key-<sha256(key|value)>`: a passport is unique per normalised email and per normalised mobile. */
/** Only the passport holding the key releases it; releasing what is free changes nothing. */
function releasePassportKey(command: ReleasePassportKey, state: PassportKeyState): PassportKeyEvent[] {
  if (state.passportId !== command.passportId) return [];
  return [{ type: 'PassportKeyReleased', data: { passportId: command.passportId, key: command.key } }];
}

export const passportKeyDecider: Decider<PassportKeyCommand, PassportKeyEvent, PassportKeyState> = {
  decide: decideByType({ ClaimPassportKey: claimPassportKey, ReleasePassportKey: releasePassportKey }),
  evolve: evolveByType<PassportKeyEvent, PassportKeyState>({
    PassportKeyClaimed: (_state, event) => ({ passportId: event.data.passportId }),
    PassportKeyReleased: () => ({ passportId: null }),
  }),
  initialState: () => ({ passportId: null }),
};
