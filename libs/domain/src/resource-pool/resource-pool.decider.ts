import { ServiceError } from '@invitations/kernel';
import type { Decider } from '@invitations/kernel';
import { requireValidName } from '../shared/entity-name';
import type { CreateResourcePool, ResourcePoolCommand } from './resource-pool.commands';
import type { ResourcePoolEvent } from './resource-pool.events';
import type { ResourcePoolState } from './resource-pool.state';

function createResourcePool(command: CreateResourcePool, state: ResourcePoolState): ResourcePoolEvent[] {
  const name = requireValidName(command.name);
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', 'This resource pool already exists.');
  const { poolId, organisationId, now } = command;
  return [{ type: 'ResourcePoolCreated', data: { poolId, organisationId, name, createdAt: now } }];
}

/** Stream `pool-<poolId>`: a named group of people an organisation draws on. */
export const resourcePoolDecider: Decider<ResourcePoolCommand, ResourcePoolEvent, ResourcePoolState> = {
  decide(command, state) {
    switch (command.type) {
      case 'CreateResourcePool':
        return createResourcePool(command, state);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'ResourcePoolCreated':
        return { status: 'created', ...event.data };
    }
  },
  initialState: () => ({ status: 'absent' }),
};
