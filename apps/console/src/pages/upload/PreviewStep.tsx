import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { asProblem, type ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { invalidateBatchAndPools } from '../../api/queries';
import { downloadWithToken, type DuplicateReason, type UploadPreviewJson } from '../../api/uploads';
import { formatCount, formatDateTime, people } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormButtons } from '../../components/FormButtons';
import { MessageInput } from '../../components/MessageInput';
import { CONFIRM_UPLOAD } from '../../graphql/operations';
import type { BatchNotice } from '../batch/BatchPage';
import { Fact } from '../../components/Fact';
import { type Column, DataTable } from '../../components/DataTable';

const REASONS: Record<DuplicateReason, string> = {
  EMAIL_REPEATED_IN_FILE: 'Email repeated in the file',
  MOBILE_REPEATED_IN_FILE: 'Mobile repeated in the file',
  ALREADY_IN_POOL: 'Already staged, invited or a member in this pool',
  MOBILE_BELONGS_TO_OTHER_PASSPORT: "Mobile belongs to another person's Skills Passport",
};

/** Both tables of duplicates start with the row of the file and its email. */
const ROW_AND_EMAIL: Column<{ row: number; email: string }>[] = [
  { key: 'row', header: 'Row', cell: (d) => d.row },
  { key: 'email', header: 'Email', cell: (d) => d.email },
];

const DUPLICATE_COLUMNS: Column<UploadPreviewJson['duplicates'][number]>[] = [
  ...ROW_AND_EMAIL,
  { key: 'mobile', header: 'Mobile', cell: (d) => d.mobile ?? '—' },
  { key: 'why', header: 'Why', cell: (d) => d.reasons.map((r) => REASONS[r] ?? r).join('; ') },
];

const POSSIBLE_DUPLICATE_COLUMNS: Column<UploadPreviewJson['possibleDuplicates'][number]>[] = [
  ...ROW_AND_EMAIL,
  { key: 'why', header: 'Why', cell: () => 'Same names and date of birth as a passport under another email' },
];

/** Both tables of duplicates: rows of the file, told apart by their row number. */
function FileRowsTable<Row extends { row: number }>({
  label,
  columns,
  rows,
  minWidth,
}: {
  label: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  minWidth: number;
}) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(d) => d.row}
      minWidth={minWidth}
      striped
      withTableBorder
      aria-label={label}
    />
  );
}

/**
 * The preview of an upload: how many records, NEW / EXISTING / INVALID, the duplicates by reason (skipped on
 * confirming; the report downloads) and the possible duplicates; then the admin confirms the count, with or
 * without sending the invitations, or goes back to fix the file.
 */
export function PreviewStep({
  batchId,
  preview,
  onBack,
}: {
  batchId: string;
  preview: UploadPreviewJson;
  onBack: () => void;
}) {
  const [confirming, setConfirming] = useState<'invite' | 'stage' | null>(null);
  const [message, setMessage] = useState('');
  const [reportProblem, setReportProblem] = useState<ApiProblem | null>(null);
  const navigate = useNavigate();
  const client = useQueryClient();
  const toStage = preview.totalRows - preview.duplicateCount;
  const invitable = Math.max(0, toStage - preview.invalidCount);
  const confirm = useMutation<BatchNotice, ApiProblem, boolean>({
    mutationFn: async (sendInvitations) => {
      const { confirmUpload: result } = await gql(CONFIRM_UPLOAD, {
        input: {
          uploadId: preview.id,
          sendInvitations,
          message: sendInvitations ? message.trim() || null : null,
        },
      });
      if (result.confirmation.state === 'RUNNING') {
        // A large file is confirmed in the background: the batch page follows its progress.
        const what = sendInvitations ? 'uploading and inviting' : 'uploading';
        return {
          notice: `Started ${what} ${people(result.confirmation.total - result.confirmation.skippedDuplicates)}: the tabs fill as it goes.`,
          confirmingUpload: result.upload.id,
        };
      }
      const parts = [`${people(result.staged)} uploaded`];
      if (result.skippedDuplicates > 0)
        parts.push(`${formatCount(result.skippedDuplicates)} duplicates skipped`);
      if (sendInvitations) parts.push(`${people(result.invited)} invited`);
      if (result.autoAccepted > 0)
        parts.push(`${people(result.autoAccepted)} accepted at once (already in another pool)`);
      return { notice: `${parts.join(', ')}.` };
    },
    onSuccess: async (notice, sendInvitations) => {
      await invalidateBatchAndPools(client, batchId);
      navigate(`/batches/${batchId}${sendInvitations ? '?tab=invited' : ''}`, { state: notice });
    },
  });

  return (
    <Stack mt="md">
      <Title order={2} size="h4">
        {formatCount(preview.totalRows)} records in the file
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label="New" value={formatCount(preview.newCount)} />
        <Fact label="Existing" value={formatCount(preview.existingCount)} />
        <Fact label="Invalid" value={formatCount(preview.invalidCount)} />
        <Fact label="Duplicates" value={formatCount(preview.duplicateCount)} />
      </SimpleGrid>
      <Text size="sm">
        New: no Skills Passport yet. Existing: their passport matches. Invalid: a passport exists but a detail
        differs; they are uploaded and must be corrected before they can be invited. Nothing here changes
        anyone&apos;s passport.
      </Text>
      {(preview.cohort.staffType || preview.cohort.jobRole || preview.cohort.startDate) && (
        <Text size="sm">
          Cohort:{' '}
          {[preview.cohort.staffType, preview.cohort.jobRole, preview.cohort.startDate]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      {preview.duplicateCount > 0 && (
        <Alert color="orange" title="Duplicated accounts identified">
          <Stack gap="xs">
            <Text size="sm">
              {people(preview.duplicateCount)} in the file {preview.duplicateCount === 1 ? 'is' : 'are'}{' '}
              already invited, hold a Skills Passport under another email, or appear twice. They are skipped
              when you upload: existing profiles are never overwritten. Download the report, then go back and
              edit the file, or continue.
            </Text>
            <ProblemAlert problem={reportProblem} title="The report could not be downloaded" />
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setReportProblem(null);
                  downloadWithToken(preview.duplicatesReportUrl, `duplicates-${preview.id}.csv`).catch(
                    (e: unknown) => setReportProblem(asProblem(e)),
                  );
                }}
              >
                Download the duplicates report
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {preview.duplicates.length > 0 && (
        <FileRowsTable
          label="Duplicates"
          columns={DUPLICATE_COLUMNS}
          rows={preview.duplicates}
          minWidth={560}
        />
      )}
      {preview.possibleDuplicates.length > 0 && (
        <>
          <Title order={3} size="h5">
            Possible duplicates
          </Title>
          <Text size="sm">
            These will be uploaded, but their names and date of birth match someone you already have under
            another email: check they are not the same person.
          </Text>
          <FileRowsTable
            label="Possible duplicates"
            columns={POSSIBLE_DUPLICATE_COLUMNS}
            rows={preview.possibleDuplicates}
            minWidth={420}
          />
        </>
      )}
      <Text size="sm" c="dimmed">
        This preview can be confirmed until {formatDateTime(preview.expiresAt)}.
      </Text>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Go back
        </Button>
        <Group gap="xs">
          <Button variant="default" disabled={toStage === 0} onClick={() => setConfirming('stage')}>
            Upload records only
          </Button>
          <Button disabled={toStage === 0} onClick={() => setConfirming('invite')}>
            Upload records and send invitations
          </Button>
        </Group>
      </Group>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === 'invite' ? 'Upload and send invitations' : 'Upload records'}
      >
        <Stack>
          <Text fw={600} data-testid="upload-confirm-count">
            You are about to upload {formatCount(toStage)} {toStage === 1 ? 'record' : 'records'}
            {confirming === 'invite' ? ` and invite ${people(invitable)}` : ''}.
          </Text>
          {preview.duplicateCount > 0 && (
            <Text size="sm">{people(preview.duplicateCount)} (duplicates) will be skipped.</Text>
          )}
          {confirming === 'invite' && preview.invalidCount > 0 && (
            <Text size="sm">
              {people(preview.invalidCount)} with invalid details will wait in Uploaded until corrected.
            </Text>
          )}
          {confirming === 'invite' && (
            <MessageInput description="Added to every invitation" value={message} onChange={setMessage} />
          )}
          <ProblemAlert problem={confirm.error} />
          <FormButtons
            onCancel={() => setConfirming(null)}
            cancel="Go back"
            act={confirming === 'invite' ? 'Yes, upload and invite' : 'Yes, upload'}
            onAct={() => confirm.mutate(confirming === 'invite')}
            loading={confirm.isPending}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
