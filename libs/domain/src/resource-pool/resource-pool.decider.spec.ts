import { given } from '../testing/given-when-then';
import type { CreateResourcePool } from './resource-pool.commands';
import { resourcePoolDecider } from './resource-pool.decider';
import type { ResourcePoolCreated } from './resource-pool.events';

const NOW = '2025-03-01T09:00:00.000Z';
const create = (name: string): CreateResourcePool => ({
  type: 'CreateResourcePool',
  poolId: 'pool-0001',
  organisationId: 'org-0001',
  name,
  now: NOW,
});
const created = (name: string): ResourcePoolCreated => ({
  type: 'ResourcePoolCreated',
  data: { poolId: 'pool-0001', organisationId: 'org-0001', name, createdAt: NOW },
});

describe('resource pool', () => {
  it('is created with its name trimmed', () => {
    given(resourcePoolDecider, [])
      .when(create('  Sydney nurses \n'))
      .then([created('Sydney nurses')]);
  });

  it('then holds its name, organisation and creation time', () => {
    given(resourcePoolDecider, [])
      .when(create('Sydney nurses'))
      .then([created('Sydney nurses')], {
        status: 'created',
        poolId: 'pool-0001',
        organisationId: 'org-0001',
        name: 'Sydney nurses',
        createdAt: NOW,
      });
  });

  it.each(['', '   ', '\t\n'])('refuses an empty name (%j) with a field error', (name) => {
    const error = given(resourcePoolDecider, []).when(create(name)).thenThrows('BAD_USER_INPUT', 'empty');
    expect(error.errors).toEqual([{ field: 'name', message: 'must not be empty' }]);
  });

  it('accepts a name of 200 characters, counted in code points', () => {
    const name = '🏥'.repeat(200); // 400 UTF-16 units, 200 characters
    given(resourcePoolDecider, [])
      .when(create(name))
      .then([created(name)]);
  });

  it('refuses a name longer than 200 characters', () => {
    const error = given(resourcePoolDecider, [])
      .when(create('x'.repeat(201)))
      .thenThrows('BAD_USER_INPUT', '200');
    expect(error.errors).toEqual([{ field: 'name', message: expect.stringContaining('200') }]);
  });

  it('cannot be created twice', () => {
    given(resourcePoolDecider, [created('Sydney nurses')])
      .when(create('Sydney nurses'))
      .thenThrows('CONFLICT');
  });
});

describe('renaming a resource pool', () => {
  const created = {
    type: 'ResourcePoolCreated' as const,
    data: {
      poolId: 'pool-0001',
      organisationId: 'org-0001',
      name: 'Riggers',
      createdAt: '2025-03-01T09:00:00.000Z',
    },
  };
  const RENAMED_AT = '2025-03-02T09:00:00.000Z';

  it('gives it a new name, trimmed', () => {
    const state = given(resourcePoolDecider, [created])
      .when({ type: 'RenameResourcePool', name: ' Riggers (Perth) ', now: RENAMED_AT })
      .then([
        {
          type: 'ResourcePoolRenamed',
          data: { poolId: 'pool-0001', name: 'Riggers (Perth)', renamedAt: RENAMED_AT },
        },
      ]);
    expect(state).toMatchObject({ name: 'Riggers (Perth)', organisationId: 'org-0001' });
  });

  it('records nothing for the same name; refuses an empty one and a pool that does not exist', () => {
    given(resourcePoolDecider, [created])
      .when({ type: 'RenameResourcePool', name: 'Riggers', now: RENAMED_AT })
      .then([]);
    given(resourcePoolDecider, [created])
      .when({ type: 'RenameResourcePool', name: ' ', now: RENAMED_AT })
      .thenThrows('BAD_USER_INPUT', 'name');
    given(resourcePoolDecider, [])
      .when({ type: 'RenameResourcePool', name: 'X', now: RENAMED_AT })
      .thenThrows('NOT_FOUND');
  });
});
