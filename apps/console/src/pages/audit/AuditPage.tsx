import {
  Anchor,
  Button,
  Group,
  Loader,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { asProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { downloadWithToken } from '../../api/uploads';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { AUDIT_LOG } from '../../graphql/operations';
import {
  apiFilter,
  csvQuery,
  describeType,
  EVENT_TYPES,
  filterFromParams,
  paramsOf,
  type AuditFilterValues,
} from './audit-filter';

const PAGE_SIZE = 100;

/**
 * The organisation's audit log: every change recorded, oldest first, filtered by time, actor, event types, pool,
 * batch or person, a page at a time; the same as CSV. The filter lives in the URL (a person's history links here).
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied = filterFromParams(params);
  const [draft, setDraft] = useState<AuditFilterValues>(applied);
  const entries = useInfiniteQuery({
    queryKey: ['audit', params.toString()],
    queryFn: ({ pageParam }) =>
      gql(AUDIT_LOG, { filter: apiFilter(applied), first: PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.auditLog.pageInfo.hasNextPage ? last.auditLog.pageInfo.endCursor : undefined,
  });
  const download = useMutation({
    mutationFn: () => downloadWithToken(`/api/audit.csv?${csvQuery(applied)}`, 'audit-log.csv'),
  });
  const nodes = entries.data?.pages.flatMap((page) => page.auditLog.nodes) ?? [];
  const set = (field: keyof AuditFilterValues) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [field]: event.currentTarget.value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsOf(draft));
  };
  const clear = () => {
    const empty = filterFromParams(new URLSearchParams());
    setDraft(empty);
    setParams(new URLSearchParams());
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        actions={
          <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
            Download CSV
          </Button>
        }
      >
        <Text c="dimmed" size="sm">
          Every change recorded for your organisation, oldest first: who did what, and when.
        </Text>
      </PageHeader>
      {download.error && (
        <ProblemAlert problem={asProblem(download.error)} title="The CSV could not be downloaded" />
      )}
      <Paper withBorder p="md" mb="md" component="form" onSubmit={apply} aria-label="Filter the audit log">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput label="From" type="datetime-local" step={1} value={draft.from} onChange={set('from')} />
          <TextInput
            label="To (not included)"
            type="datetime-local"
            step={1}
            value={draft.to}
            onChange={set('to')}
          />
          <TextInput
            label="Actor"
            description="The admin's user id"
            value={draft.actor}
            onChange={set('actor')}
          />
          <MultiSelect
            label="What happened"
            placeholder={draft.types.length === 0 ? 'Every kind of change' : undefined}
            data={EVENT_TYPES.map((type) => ({ value: type, label: describeType(type) }))}
            value={draft.types}
            onChange={(types) => setDraft({ ...draft, types })}
            searchable
            clearable
          />
          <TextInput label="Pool id" value={draft.poolId} onChange={set('poolId')} />
          <TextInput label="Batch id" value={draft.batchId} onChange={set('batchId')} />
          <TextInput label="Person (invitee id)" value={draft.inviteeId} onChange={set('inviteeId')} />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">Apply filter</Button>
          <Button variant="default" onClick={clear}>
            Clear
          </Button>
        </Group>
      </Paper>
      {entries.error && (
        <ProblemAlert problem={asProblem(entries.error)} title="The audit log could not be loaded" />
      )}
      {entries.isPending && <Loader aria-label="Loading the audit log" />}
      {entries.data && nodes.length === 0 && (
        <EmptyState title="Nothing recorded">No change matches this filter.</EmptyState>
      )}
      {nodes.length > 0 && (
        <Stack>
          <ScrollTable label="Audit log entries" minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>What happened</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Where</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nodes.map((entry) => (
                  <Table.Tr key={entry.position}>
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{describeType(entry.type)}</Table.Td>
                    <Table.Td>{entry.actorName ?? entry.actor ?? 'The invitee or the system'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {entry.poolId && (
                          <Anchor component={Link} to={`/pools/${entry.poolId}`} size="sm">
                            Pool
                          </Anchor>
                        )}
                        {entry.batchId && (
                          <Anchor component={Link} to={`/batches/${entry.batchId}`} size="sm">
                            Batch
                          </Anchor>
                        )}
                        {entry.batchId && entry.inviteeId && (
                          <Anchor
                            component={Link}
                            to={`/batches/${entry.batchId}?person=${entry.inviteeId}`}
                            size="sm"
                          >
                            Person
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Group>
            <Text size="sm" role="status">
              {nodes.length} {nodes.length === 1 ? 'entry' : 'entries'} shown
              {entries.hasNextPage ? '; there are more.' : '.'}
            </Text>
            {entries.hasNextPage && (
              <Button
                variant="default"
                loading={entries.isFetchingNextPage}
                onClick={() => void entries.fetchNextPage()}
              >
                Load more
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </>
  );
}
