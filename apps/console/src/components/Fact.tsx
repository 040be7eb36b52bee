import { Group, Paper, Text } from '@mantine/core';

/** One figure with its label: a member count, a log head, how many rows are new. */
export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fw={700}>{value}</Text>
      </Group>
    </Paper>
  );
}
