import { ServiceError } from '@invitations/kernel';
import type { Decider } from '@invitations/kernel';
import { requireValidName } from '../shared/entity-name';
import type { BatchCommand, CreateBatch } from './batch.commands';
import type { BatchEvent } from './batch.events';
import type { BatchState } from './batch.state';

function createBatch(command: CreateBatch, state: BatchState): BatchEvent[] {
  const name = requireValidName(command.name);
  // A pool of another organisation answers exactly as a missing one: existence must not leak across tenants.
  if (command.pool === null || command.pool.organisationId !== command.organisationId) {
    throw new ServiceError('NOT_FOUND', 'Resource pool not found.');
  }
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', 'This invitation batch already exists.');
  const { batchId, organisationId, now } = command;
  return [
    {
      type: 'BatchCreated',
      data: { batchId, poolId: command.pool.poolId, organisationId, name, createdAt: now },
    },
  ];
}

/** Stream `batch-<batchId>`: a named list of people being invited into one pool. */
export const batchDecider: Decider<BatchCommand, BatchEvent, BatchState> = {
  decide(command, state) {
    switch (command.type) {
      case 'CreateBatch':
        return createBatch(command, state);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'BatchCreated':
        return { status: 'created', ...event.data };
    }
  },
  initialState: () => ({ status: 'absent' }),
};
