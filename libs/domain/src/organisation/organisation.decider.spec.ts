import { given } from '../testing/given-when-then';
import type { UpdateOrganisation } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import type { OrganisationUpdated } from './organisation.events';
import { invitationSchedule, invitationTermsOf, reminderBefore } from './invitation-terms';

const NOW = '2025-03-01T09:00:00.000Z';
const update = (overrides: Partial<UpdateOrganisation> = {}): UpdateOrganisation => ({
  type: 'UpdateOrganisation',
  organisationId: 'org-0001',
  now: NOW,
  ...overrides,
});
const updated = (overrides: Partial<OrganisationUpdated['data']> = {}): OrganisationUpdated => ({
  type: 'OrganisationUpdated',
  data: {
    organisationId: 'org-0001',
    name: null,
    invitationTtlDays: null,
    reminderDaysBeforeExpiry: null,
    updatedAt: NOW,
    ...overrides,
  },
});

describe('organisation', () => {
  it('is named, its name trimmed; the rest keeps the service defaults', () => {
    const state = given(organisationDecider, [])
      .when(update({ name: '  Acme Rigging ' }))
      .then([updated({ name: 'Acme Rigging' })]);
    expect(state).toEqual({
      organisationId: 'org-0001',
      name: 'Acme Rigging',
      invitationTtlDays: null,
      reminderDaysBeforeExpiry: null,
    });
  });

  it('sets its invitation defaults, keeping what is not given', () => {
    given(organisationDecider, [updated({ name: 'Acme' })])
      .when(update({ invitationTtlDays: 7, reminderDaysBeforeExpiry: 2 }))
      .then([updated({ name: 'Acme', invitationTtlDays: 7, reminderDaysBeforeExpiry: 2 })]);
  });

  it('records nothing when nothing changes', () => {
    given(organisationDecider, [updated({ name: 'Acme' })])
      .when(update({ name: 'Acme' }))
      .then([]);
    given(organisationDecider, []).when(update()).then([]);
  });

  it('refuses an empty name and days out of range, naming the field', () => {
    given(organisationDecider, [])
      .when(update({ name: '  ' }))
      .thenThrows('BAD_USER_INPUT', 'name');
    const ttl = given(organisationDecider, [])
      .when(update({ invitationTtlDays: 0 }))
      .thenThrows('BAD_USER_INPUT');
    expect(ttl.errors).toEqual([
      { field: 'invitationTtlDays', message: expect.stringContaining('1 to 365') },
    ]);
    given(organisationDecider, [])
      .when(update({ reminderDaysBeforeExpiry: -1 }))
      .thenThrows('BAD_USER_INPUT');
    given(organisationDecider, [])
      .when(update({ invitationTtlDays: 2.5 }))
      .thenThrows('BAD_USER_INPUT');
  });
});

describe('invitation terms', () => {
  const defaults = { invitationTtlDays: 14, reminderDaysBeforeExpiry: 3 };

  it('a batch overrides its organisation, which overrides the service defaults', () => {
    expect(invitationTermsOf(defaults, null, null)).toEqual(defaults);
    expect(
      invitationTermsOf(defaults, { invitationTtlDays: 7, reminderDaysBeforeExpiry: null }, null),
    ).toEqual({ invitationTtlDays: 7, reminderDaysBeforeExpiry: 3 });
    expect(
      invitationTermsOf(
        defaults,
        { invitationTtlDays: 7, reminderDaysBeforeExpiry: 1 },
        { invitationTtlDays: 30, reminderDaysBeforeExpiry: 0 },
      ),
    ).toEqual({ invitationTtlDays: 30, reminderDaysBeforeExpiry: 0 });
  });

  it('schedules the expiry and the reminder, in fractions of a day too; none for 0 days or too close', () => {
    expect(invitationSchedule(NOW, defaults)).toEqual({
      expiresAt: '2025-03-15T09:00:00.000Z',
      remindAt: '2025-03-12T09:00:00.000Z',
    });
    expect(invitationSchedule(NOW, { invitationTtlDays: 0.0001, reminderDaysBeforeExpiry: 0.00005 })).toEqual(
      {
        expiresAt: '2025-03-01T09:00:08.640Z',
        remindAt: '2025-03-01T09:00:04.320Z',
      },
    );
    expect(
      invitationSchedule(NOW, { invitationTtlDays: 14, reminderDaysBeforeExpiry: 0 }).remindAt,
    ).toBeNull();
    expect(reminderBefore('2025-03-03T09:00:00.000Z', 3, NOW)).toBeNull();
  });
});
