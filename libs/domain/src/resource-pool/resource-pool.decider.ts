import { ServiceError } from '@invitations/kernel';
import type { Decider } from '@invitations/kernel';
import { requireValidName } from '../shared/entity-name';
import type { CreateResourcePool, RenameResourcePool, ResourcePoolCommand } from './resource-pool.commands';
import type { ResourcePoolEvent } from './resource-pool.events';
import type { ResourcePoolState } from './resource-pool.state';

function createResourcePool(command: CreateResourcePool, state: ResourcePoolState): ResourcePoolEvent[] {
  const name = requireValidName(command.name);
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', 'This resource pool already exists.');
  const { poolId, organisationId, now } = command;
  return [{ type: 'ResourcePoolCreated', data: { poolId, organisationId, name, createdAt: now } }];
}

/** A new name for the pool; the same name again changes nothing. */
function renameResourcePool(command: RenameResourcePool, state: ResourcePoolState): ResourcePoolEvent[] {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', 'Resource pool not found.');
  const name = requireValidName(command.name);
  if (name === state.name) return [];
  return [{ type: 'ResourcePoolRenamed', data: { poolId: state.poolId, name, renamedAt: command.now } }];
}

/** Stream `pool-<poolId>`: a named group of people an organisation draws on. */
export const resourcePoolDecider: Decider<ResourcePoolCommand, ResourcePoolEvent, ResourcePoolState> = {
  decide(command, state) {
    switch (command.type) {
      case 'CreateResourcePool':
        return createResourcePool(command, state);
      case 'RenameResourcePool':
        return renameResourcePool(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ResourcePoolCreated':
        return { status: 'created', ...event.data };
      case 'ResourcePoolRenamed':
        return state.status === 'absent' ? state : { ...state, name: event.data.name };
    }
  },
  initialState: () => ({ status: 'absent' }),
};
