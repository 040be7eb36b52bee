import { Alert, Button, Group, Modal, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import {
  opsStatus,
  type OpsStatus,
  rebuildReadModels,
  type RebuildProgress,
  type RebuildResult,
} from '../../api/ops';
import { formatCount } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Fact } from '../../components/Fact';
import { type Column, DataTable } from '../../components/DataTable';

/** Operations (ops role): where the read models stand against the log, and a rebuild with its progress. */
const PROJECTION_COLUMNS: Column<OpsStatus['projections'][number]>[] = [
  { key: 'name', header: 'Projection', cell: (p) => p.name },
  { key: 'position', header: 'Checkpoint', numeric: true, cell: (p) => p.position },
  { key: 'lag', header: 'Lag', numeric: true, cell: (p) => p.lag },
];

export function OpsPage() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['ops', 'status'], queryFn: opsStatus, refetchInterval: 5_000 });
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<RebuildProgress | null>(null);
  const rebuild = useMutation<RebuildResult, ApiProblem>({
    mutationFn: () => rebuildReadModels(setProgress),
    onSettled: () => client.invalidateQueries({ queryKey: ['ops'] }),
  });
  const percent =
    progress && Number(progress.head) > 0
      ? Math.min(100, Math.round((Number(progress.position) / Number(progress.head)) * 100))
      : 0;
  return (
    <>
      <PageHeader
        title="Operations"
        actions={
          <Button onClick={() => setConfirming(true)} loading={rebuild.isPending}>
            Rebuild the read models
          </Button>
        }
      />
      {!status.data ? (
        <QueryState error={status.error} label="The status" />
      ) : (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact label="Log head" value={status.data.log.head} />
            <Fact
              label="Projections caught up"
              value={status.data.runner.caughtUp === false ? 'No' : 'Yes'}
            />
            <Fact label="Restarts" value={formatCount(status.data.runner.restarts ?? 0)} />
          </SimpleGrid>
          {status.data.runner.lastError && (
            <Alert color="orange" title="Last error of the projections">
              {status.data.runner.lastError}
            </Alert>
          )}
          <Title order={2} size="h4">
            Projections
          </Title>
          <DataTable
            columns={PROJECTION_COLUMNS}
            rows={status.data.projections}
            rowKey={(p) => p.name}
            minWidth={360}
            striped
            withTableBorder
          />
        </Stack>
      )}
      {(rebuild.isPending || progress) && (
        <Stack gap={4} mt="lg">
          <Progress value={percent} size="lg" aria-label="Rebuild progress" animated={rebuild.isPending} />
          <Text size="sm" role="status">
            {rebuild.isSuccess
              ? `Rebuilt ${rebuild.data.projections.join(', ')} from ${formatCount(rebuild.data.events)} events, up to position ${rebuild.data.position}.`
              : progress
                ? `${progress.phase === 'replaying' ? 'Replaying the log' : progress.phase === 'catching-up' ? 'Catching up' : 'Done'}: ${formatCount(progress.events)} events, position ${progress.position} of ${progress.head}`
                : 'Starting the rebuild…'}
          </Text>
        </Stack>
      )}
      <ProblemAlert problem={rebuild.error} title="The rebuild failed" />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Rebuild the read models">
        <Stack>
          <Text>
            Every read model is rebuilt from the log, aside, then switched in; the service keeps answering
            meanwhile, and the previous versions are kept for a rollback.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                setProgress(null);
                rebuild.mutate();
              }}
            >
              Rebuild
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
