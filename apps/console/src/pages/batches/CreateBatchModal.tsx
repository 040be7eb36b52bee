import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CREATE_BATCH } from '../../graphql/operations';

/** MyPass stage 1, steps 3-5: a batch with a free-text name, in the resource pool its people will join. */
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
  const client = useQueryClient();
  const create = useMutation<{ id: string }, ApiProblem>({
    mutationFn: async () => {
      if (!poolId) {
        throw new ApiProblem('BAD_USER_INPUT', 'Choose the resource pool.', [
          { field: 'poolId', message: 'is required' },
        ]);
      }
      return (await gql(CREATE_BATCH, { poolId, name })).createInvitationBatch;
    },
    onSuccess: async (batch) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.pools }),
        client.invalidateQueries({ queryKey: ['pool'] }),
      ]);
      setName('');
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
          <ProblemAlert problem={create.error} shownFields={['name', 'poolId']} />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
