import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CohortValues } from '../../api/uploads';

const STAFF_TYPES = ['New staff', 'Current staff', 'Bank or agency staff', 'Doctors in training'];

/** DSP: what is recorded for the whole cohort of the upload (all optional). */
export function CohortStep({
  batchId,
  cohort,
  onChange,
  onContinue,
}: {
  batchId: string;
  cohort: CohortValues;
  onChange: (cohort: CohortValues) => void;
  onContinue: () => void;
}) {
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onContinue();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack mt="md">
        <Text size="sm">
          Record what applies to everyone in this file. Each is optional; a job role in the file wins.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Staff type"
            placeholder="Choose"
            data={STAFF_TYPES}
            value={cohort.staffType || null}
            onChange={(value) => onChange({ ...cohort, staffType: value ?? '' })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Job role"
            value={cohort.jobRole}
            onChange={(e) => onChange({ ...cohort, jobRole: e.currentTarget.value })}
          />
          <TextInput
            label="Start date"
            type="date"
            value={cohort.startDate}
            onChange={(e) => onChange({ ...cohort, startDate: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate(`/batches/${batchId}`)}>
            Cancel
          </Button>
          <Button type="submit">Continue</Button>
        </Group>
      </Stack>
    </form>
  );
}
