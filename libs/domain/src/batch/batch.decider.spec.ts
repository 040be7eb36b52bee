import { given } from '../testing/given-when-then';
import type { CreateBatch } from './batch.commands';
import { batchDecider } from './batch.decider';
import type { BatchCreated } from './batch.events';

const NOW = '2025-03-01T09:00:00.000Z';
const OUR_POOL = { poolId: 'pool-0001', organisationId: 'org-0001' };

function create(overrides: Partial<CreateBatch> = {}): CreateBatch {
  return {
    type: 'CreateBatch',
    batchId: 'batch-0001',
    pool: OUR_POOL,
    organisationId: 'org-0001',
    name: 'March intake',
    now: NOW,
    ...overrides,
  };
}

const created = (name = 'March intake'): BatchCreated => ({
  type: 'BatchCreated',
  data: {
    batchId: 'batch-0001',
    poolId: 'pool-0001',
    organisationId: 'org-0001',
    name,
    createdAt: NOW,
    invitationTtlDays: null,
    reminderDaysBeforeExpiry: null,
  },
});

describe('invitation batch', () => {
  it('is created in a pool of the organisation, with its name trimmed', () => {
    given(batchDecider, [])
      .when(create({ name: ' March intake  ' }))
      .then([created()]);
  });

  it('refuses a pool that does not exist with NOT_FOUND', () => {
    given(batchDecider, [])
      .when(create({ pool: null }))
      .thenThrows('NOT_FOUND', 'Resource pool not found');
  });

  it('answers a pool of another organisation exactly as a missing one, so that existence does not leak', () => {
    const missing = given(batchDecider, [])
      .when(create({ pool: null }))
      .thenThrows('NOT_FOUND');
    const foreign = given(batchDecider, [])
      .when(create({ pool: { poolId: 'pool-0001', organisationId: 'org-other' } }))
      .thenThrows('NOT_FOUND');
    expect(foreign.message).toBe(missing.message);
    expect(foreign.errors).toEqual(missing.errors);
  });

  it('refuses an empty name with a field error', () => {
    const error = given(batchDecider, [])
      .when(create({ name: '  ' }))
      .thenThrows('BAD_USER_INPUT');
    expect(error.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
  });

  it('refuses a name longer than 200 characters', () => {
    given(batchDecider, [])
      .when(create({ name: 'b'.repeat(201) }))
      .thenThrows('BAD_USER_INPUT', '200');
  });

  it('cannot be created twice', () => {
    given(batchDecider, [created()]).when(create()).thenThrows('CONFLICT');
  });

  it('then holds its pool, organisation, name and creation time', () => {
    expect(given(batchDecider, []).when(create()).then([created()])).toEqual({
      status: 'created',
      ...created().data,
    });
  });
});

describe('batch terms and renaming', () => {
  const LATER = '2025-03-05T09:00:00.000Z';

  it('is created with its own expiry and reminder, in whole days', () => {
    given(batchDecider, [])
      .when(create({ invitationTtlDays: 30, reminderDaysBeforeExpiry: 5 }))
      .then([
        { ...created(), data: { ...created().data, invitationTtlDays: 30, reminderDaysBeforeExpiry: 5 } },
      ]);
    given(batchDecider, [])
      .when(create({ invitationTtlDays: 0 }))
      .thenThrows('BAD_USER_INPUT', 'invitationTtlDays');
  });

  it('is renamed and given terms; what is not given is kept; the same again records nothing', () => {
    const state = given(batchDecider, [created()])
      .when({ type: 'UpdateBatch', name: 'April intake', invitationTtlDays: 7, now: LATER })
      .then([
        {
          type: 'BatchUpdated',
          data: {
            batchId: 'batch-0001',
            name: 'April intake',
            invitationTtlDays: 7,
            reminderDaysBeforeExpiry: null,
            updatedAt: LATER,
          },
        },
      ]);
    expect(state).toMatchObject({ name: 'April intake', invitationTtlDays: 7, poolId: 'pool-0001' });
    given(batchDecider, [created()]).when({ type: 'UpdateBatch', name: 'March intake', now: LATER }).then([]);
  });

  it('refuses a batch that does not exist, and days out of range', () => {
    given(batchDecider, []).when({ type: 'UpdateBatch', name: 'X', now: LATER }).thenThrows('NOT_FOUND');
    given(batchDecider, [created()])
      .when({ type: 'UpdateBatch', reminderDaysBeforeExpiry: 400, now: LATER })
      .thenThrows('BAD_USER_INPUT', 'reminderDaysBeforeExpiry');
  });
});
