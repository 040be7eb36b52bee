import { decideByType, evolveByType, ServiceError, type Decider } from '@invitations/kernel';
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
  decide: decideByType({ CreateResourcePool: createResourcePool, RenameResourcePool: renameResourcePool }),
  evolve: evolveByType<ResourcePoolEvent, ResourcePoolState>({
    ResourcePoolCreated: (_state, event) => ({ status: 'created', ...event.data }),
    ResourcePoolRenamed: (state, event) =>
      state.status === 'absent' ? state : { ...state, name: event.data.name },
  }),
  initialState: () => ({ status: 'absent' }),
};
