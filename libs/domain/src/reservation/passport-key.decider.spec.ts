import { itIsHeldByOne } from '../testing/held-by-one';
import { passportKeyDecider } from './passport-key.decider';
import type { ClaimPassportKey } from './reservation.commands';
import type { PassportKeyClaimed } from './reservation.events';

const claim = (passportId: string): ClaimPassportKey => ({
  type: 'ClaimPassportKey',
  passportId,
  key: 'mobile',
});
const claimed = (passportId: string): PassportKeyClaimed => ({
  type: 'PassportKeyClaimed',
  data: { passportId, key: 'mobile' },
});

describe('passport key: a passport is unique per email and per mobile', () => {
  itIsHeldByOne(passportKeyDecider, ['passport-a', 'passport-b'], {
    claim,
    claimed,
    heldBy: (passportId) => ({ passportId }),
  });
});
