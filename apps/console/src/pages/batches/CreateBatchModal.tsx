import { Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormButtons } from '../../components/FormButtons';
import { CREATE_BATCH } from '../../graphql/operations';

/**
 * MyPass stage 1, steps 3-5: a batch with a free-text name, in the resource pool its people will join; optionally
 * its own invitation terms (else the organisation's).
 */
export function CreateBatchModal({
  opened,
  onClose,
  onCreated,
  pools,
  poolId: fixedPoolId,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (batch: { id: string }) => void;
  pools: readonly { id: string; name: string }[];
  poolId?: string;
}) {
  const [name, setName] = useState('');
  const [poolId, setPoolId] = useState<string | null>(fixedPoolId ?? null);
  const [ttlDays, setTtlDays] = useState<number | string>('');
  const [reminderDays, setReminderDays] = useState<number | string>('');
  const client = useQueryClient();
  const create = useMutation<{ id: string }, ApiProblem>({
    mutationFn: async () => {
      if (!poolId) {
        throw new ApiProblem('BAD_USER_INPUT', 'Choose the resource pool.', [
          { field: 'poolId', message: 'is required' },
        ]);
      }
      const days = (value: number | string) => (value === '' ? null : Number(value));
      return (
        await gql(CREATE_BATCH, {
          poolId,
          name,
          invitationTtlDays: days(ttlDays),
          reminderDaysBeforeExpiry: days(reminderDays),
        })
      ).createInvitationBatch;
    },
    onSuccess: async (batch) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.pools }),
        client.invalidateQueries({ queryKey: ['pool'] }),
      ]);
      setName('');
      setTtlDays('');
      setReminderDays('');
      onCreated(batch);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New invitation batch">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            problem={create.error}
            shownFields={['name', 'poolId', 'invitationTtlDays', 'reminderDaysBeforeExpiry']}
          />
          <TextInput
            label="Batch name"
            description="Free text, e.g. March intake"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={create.error?.forField('name')}
            data-autofocus
          />
          <Select
            label="Resource pool"
            description="The pool the invited personnel will join"
            required
            data={pools.map((p) => ({ value: p.id, label: p.name }))}
            value={poolId}
            onChange={setPoolId}
            disabled={fixedPoolId !== undefined}
            error={create.error?.forField('poolId')}
            searchable
            nothingFoundMessage="No pool by that name"
            comboboxProps={{ withinPortal: true }}
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Invitations expire after (days)"
              description="Optional: the organisation's default otherwise"
              min={1}
              max={365}
              allowDecimal={false}
              value={ttlDays}
              onChange={setTtlDays}
              error={create.error?.forField('invitationTtlDays')}
            />
            <NumberInput
              label="Reminder (days before expiry)"
              description="Optional: 0 for none"
              min={0}
              max={365}
              allowDecimal={false}
              value={reminderDays}
              onChange={setReminderDays}
              error={create.error?.forField('reminderDaysBeforeExpiry')}
            />
          </Group>
          <FormButtons onCancel={onClose} act="Save" loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
