import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { formatCount } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CANCEL_UPLOAD, UPLOAD_CONFIRMATION } from '../../graphql/operations';

const POLL_MS = 1_000;

/**
 * A large upload's confirmation as it runs in the background (a job in the service, durable across restarts):
 * how far it is, asked every second until it ends, the tabs refreshed as it goes; Cancel stops it (what is staged
 * stays).
 */
export function ConfirmationProgress({ batchId, uploadId }: { batchId: string; uploadId: string }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['upload', uploadId, 'confirmation'],
    queryFn: async () => (await gql(UPLOAD_CONFIRMATION, { id: uploadId })).upload?.confirmation ?? null,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'RUNNING' ? false : POLL_MS),
  });
  const job = query.data;
  const staged = job?.staged ?? 0;
  useEffect(() => {
    void client.invalidateQueries({ queryKey: keys.batch(batchId) });
  }, [client, batchId, staged, job?.state]);
  const cancel = useMutation<unknown, ApiProblem>({
    mutationFn: () => gql(CANCEL_UPLOAD, { id: uploadId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['upload', uploadId, 'confirmation'] }),
  });
  if (!job) return null;
  const toStage = Math.max(1, job.total - job.skippedDuplicates);
  const done = Math.min(100, Math.round((job.staged / toStage) * 100));
  const said =
    job.state === 'RUNNING'
      ? `Uploading: ${formatCount(job.staged)} of ${formatCount(toStage)} staged${job.sendInvitations ? `, ${formatCount(job.invited)} invited` : ''}.`
      : job.state === 'DONE'
        ? `Upload finished: ${formatCount(job.staged)} staged${job.sendInvitations ? `, ${formatCount(job.invited)} invited` : ''}.`
        : job.state === 'CANCELLED'
          ? `Upload cancelled after ${formatCount(job.staged)} staged (they stay).`
          : `Upload stopped on an error after ${formatCount(job.staged)} staged: confirm it again to carry on.`;
  return (
    <Paper withBorder p="sm" radius="md" mb="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" role="status" aria-live="polite" data-testid="confirmation-progress">
          {said}
        </Text>
        {job.state === 'RUNNING' && (
          <Button variant="default" size="xs" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel the upload
          </Button>
        )}
      </Group>
      <Progress value={done} mt="xs" aria-label="Upload progress" />
      <ProblemAlert problem={cancel.error} />
    </Paper>
  );
}
