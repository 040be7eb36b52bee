import { decideByType, evolveByType, ServiceError, type Decider } from '@invitations/kernel';
import { changedNamedTerms, requireWholeDays } from '../organisation/invitation-terms';
import { requireValidName } from '../shared/entity-name';
import type { BatchCommand, CreateBatch, UpdateBatch } from './batch.commands';
import type { BatchEvent } from './batch.events';
import type { BatchState } from './batch.state';

function createBatch(command: CreateBatch, state: BatchState): BatchEvent[] {
  const name = requireValidName(command.name);
  const invitationTtlDays = requireWholeDays('invitationTtlDays', command.invitationTtlDays ?? null, 1);
  const reminderDaysBeforeExpiry = requireWholeDays(
    'reminderDaysBeforeExpiry',
    command.reminderDaysBeforeExpiry ?? null,
    0,
  );
  // A pool of another organisation answers exactly as a missing one: existence must not leak across tenants.
  if (command.pool === null || command.pool.organisationId !== command.organisationId) {
    throw new ServiceError('NOT_FOUND', 'Resource pool not found.');
  }
  if (state.status !== 'absent') throw new ServiceError('CONFLICT', 'This invitation batch already exists.');
  const { batchId, organisationId, now } = command;
  return [
    {
      type: 'BatchCreated',
      data: {
        batchId,
        poolId: command.pool.poolId,
        organisationId,
        name,
        createdAt: now,
        invitationTtlDays,
        reminderDaysBeforeExpiry,
      },
    },
  ];
}

/** A new name or new invitation terms; they apply to invitations sent from now on (those out keep their expiry). */
function updateBatch(command: UpdateBatch, state: BatchState): BatchEvent[] {
  if (state.status === 'absent') throw new ServiceError('NOT_FOUND', 'Invitation batch not found.');
  const changed = changedNamedTerms(command, state);
  if (changed === null) return [];
  return [
    {
      type: 'BatchUpdated',
      data: {
        batchId: state.batchId,
        ...changed,
        updatedAt: command.now,
      },
    },
  ];
}

/** Stream `batch-<batchId>`: a named list of people being invited into one pool. */
export const batchDecider: Decider<BatchCommand, BatchEvent, BatchState> = {
  decide: decideByType({ CreateBatch: createBatch, UpdateBatch: updateBatch }),
  evolve: evolveByType<BatchEvent, BatchState>({
    BatchCreated: (_state, event) => ({
      status: 'created',
      ...event.data,
      // Batches created before they had terms of their own keep the organisation's.
      invitationTtlDays: event.data.invitationTtlDays ?? null,
      reminderDaysBeforeExpiry: event.data.reminderDaysBeforeExpiry ?? null,
    }),
    BatchUpdated: (state, event) => {
      if (state.status === 'absent') return state;
      const { name, invitationTtlDays, reminderDaysBeforeExpiry } = event.data;
      return { ...state, name, invitationTtlDays, reminderDaysBeforeExpiry };
    },
  }),
  initialState: () => ({ status: 'absent' }),
};
