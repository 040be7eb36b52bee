import { Anchor, Button, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useRef, useState } from 'react';
import type { ApiProblem } from '../../api/api-problem';
import {
  sendUpload,
  type CohortValues,
  type UploadPreviewJson,
  type UploadProgress,
} from '../../api/uploads';
import { formatCount } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type Column, DataTable } from '../../components/DataTable';

const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain'];

/** The template, the file (chosen or dropped), the upload with its progress; a refused file's every error. */
export function FileStep({
  batchId,
  cohort,
  onBack,
  onPreview,
}: {
  batchId: string;
  cohort: CohortValues;
  onBack: () => void;
  onPreview: (preview: UploadPreviewJson) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const abort = useRef<(() => void) | null>(null);
  const openRef = useRef<() => void>(null);

  const upload = () => {
    if (!file) return;
    setProblem(null);
    setProgress({ phase: 'sending', sent: 0, total: file.size });
    const sending = sendUpload(batchId, file, cohort, setProgress);
    abort.current = sending.abort;
    sending.result.then(
      (preview) => {
        setProgress(null);
        onPreview(preview);
      },
      (error: ApiProblem) => {
        setProgress(null);
        setProblem(error);
      },
    );
  };

  const invalid = problem?.code === 'INVALID_UPLOAD';
  const percent =
    progress?.phase === 'sending' && progress.total > 0
      ? Math.round((progress.sent / progress.total) * 100)
      : 100;
  return (
    <Stack mt="md">
      <Title order={2} size="h4">
        1. Fill in the template
      </Title>
      <Text size="sm">
        <Anchor href="/api/templates/invitations.csv" download="invitations-template.csv">
          Download the template
        </Anchor>{' '}
        (CSV), then fill in one row per person and save it as CSV:
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>email (personal), date_of_birth (YYYY-MM-DD or DD/MM/YYYY): always.</List.Item>
        <List.Item>
          first_name, last_name: for people without a Skills Passport, as on an identity document;
          middle_names: all of them; preferred_name.
        </List.Item>
        <List.Item>mobile: +61412345678 (spaces and dashes are fine); job_role.</List.Item>
      </List>
      <Title order={2} size="h4" mt="sm">
        2. Upload it
      </Title>
      <Dropzone
        onDrop={(files) => {
          setFile(files[0] ?? null);
          setProblem(null);
        }}
        onReject={() => setProblem(null)}
        accept={CSV_TYPES}
        multiple={false}
        openRef={openRef}
        activateOnClick={false}
        disabled={progress !== null}
        inputProps={{ 'aria-label': 'The CSV file' }}
      >
        <Stack align="center" gap={4} py="lg" mih={90} justify="center">
          <Text fw={600}>{file ? file.name : 'Drop the CSV file here'}</Text>
          <Text size="sm" c="dimmed">
            {file ? `${formatCount(file.size)} bytes` : 'or choose it from your computer'}
          </Text>
        </Stack>
      </Dropzone>
      <Group>
        <Button variant="default" onClick={() => openRef.current?.()} disabled={progress !== null}>
          {file ? 'Choose another file' : 'Choose a file'}
        </Button>
      </Group>
      {progress && (
        <Stack gap={4}>
          <Progress
            value={percent}
            animated={progress.phase === 'checking'}
            aria-label="Upload progress"
            size="lg"
          />
          <Text size="sm" role="status">
            {progress.phase === 'sending'
              ? `Sending the file: ${percent}%`
              : 'Checking every row and looking for duplicates…'}
          </Text>
        </Stack>
      )}
      {problem && !invalid && <ProblemAlert problem={problem} title="The file was not uploaded" />}
      {problem && invalid && <UploadErrors problem={problem} />}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} disabled={progress !== null}>
          Back
        </Button>
        <Group gap="xs">
          {progress && (
            <Button variant="default" onClick={() => abort.current?.()}>
              Cancel upload
            </Button>
          )}
          <Button onClick={upload} disabled={!file} loading={progress !== null}>
            Upload
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

const ERROR_COLUMNS: Column<ApiProblem['fieldProblems'][number]>[] = [
  { key: 'row', header: 'Row', cell: (p) => p.row ?? '—' },
  { key: 'field', header: 'Field', cell: (p) => p.field ?? '—' },
  { key: 'problem', header: 'Problem', cell: (p) => p.message },
];

/** A file with format errors stages nothing: every error, by row and field. */
function UploadErrors({ problem }: { problem: ApiProblem }) {
  return (
    <Stack gap="xs">
      <ProblemAlert problem={problem} title="Nothing was staged: the file has errors" listFields={false} />
      <Text size="sm">Correct these rows in your file, save it, and upload it again.</Text>
      <DataTable
        columns={ERROR_COLUMNS}
        rows={problem.fieldProblems}
        rowKey={(_p, i) => i}
        minWidth={320}
        striped
        withTableBorder
        aria-label="Errors in the file"
      />
    </Stack>
  );
}
