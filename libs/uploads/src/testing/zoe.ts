import type { Passport, PersonDetails } from '@invitations/domain';

/** Zoë Nguyễn as `personCells()` holds her once validated (the optional details empty): the upload specs' person. */
export function zoe(overrides: Partial<PersonDetails> = {}): PersonDetails {
  return {
    email: 'zoe@example.com',
    dateOfBirth: '1990-07-15',
    firstName: 'Zoë',
    middleNames: null,
    lastName: 'Nguyễn',
    preferredName: null,
    mobile: null,
    jobRole: null,
    ...overrides,
  };
}

/** Zoë's passport, with her mobile: the one an upload of her row matches. */
export function zoePassport(overrides: Partial<Passport> = {}): Passport {
  // A passport holds every detail of a person but the job role, and always both names.
  const { jobRole: _jobRole, ...details } = zoe({ mobile: '+61412345678' });
  return { passportId: 'passport-zoe', ...details, firstName: 'Zoë', lastName: 'Nguyễn', ...overrides };
}
