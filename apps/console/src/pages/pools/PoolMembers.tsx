import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asProblem, type ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { displayName, formatCount, formatDateTime } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { POOL_MEMBERS, REMOVE_MEMBER } from '../../graphql/operations';

const PAGE_SIZE = 50;

type MemberRow = { id: string; email: string; name: string };

/**
 * A pool's members, in the order they joined: search by name, email or mobile, a page of 50 at a time by cursor,
 * and Remove (their Skills Passport stays; they may be invited into the pool again).
 */
export function PoolMembers({ poolId }: { poolId: string }) {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [cursors, setCursors] = useState<{ search: string; list: (string | null)[] }>({
    search,
    list: [null],
  });
  const list = cursors.search === search ? cursors.list : [null];
  const after = list[list.length - 1];
  const query = useQuery({
    queryKey: [...keys.pool(poolId), 'members', search, after],
    queryFn: async () =>
      (await gql(POOL_MEMBERS, { id: poolId, first: PAGE_SIZE, after, search: search || null })).resourcePool
        ?.members ?? null,
    placeholderData: keepPreviousData,
  });
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = useQueryClient();
  const remove = useMutation<unknown, ApiProblem, MemberRow>({
    mutationFn: (m) => gql(REMOVE_MEMBER, { poolId, memberId: m.id }),
    onSuccess: async (_r, m) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.pool(poolId) }),
        client.invalidateQueries({ queryKey: keys.pools }),
      ]);
      setRemoving(null);
      remove.reset();
      setNotice(`${m.name} was removed from the pool.`);
    },
  });
  const page = query.data;
  const firstRow = (list.length - 1) * PAGE_SIZE + 1;
  return (
    <Stack gap="sm">
      <TextInput
        label="Search members"
        placeholder="Name, email or mobile"
        type="search"
        value={searchText}
        onChange={(e) => setSearchText(e.currentTarget.value)}
        w={{ base: '100%', xs: 280 }}
      />
      {notice && (
        <Text role="status" size="sm">
          {notice}
        </Text>
      )}
      {query.error && (
        <ProblemAlert problem={asProblem(query.error)} title="The members could not be loaded" />
      )}
      {page && page.totalCount === 0 && (
        <EmptyState title={search ? 'Nobody matches' : 'No members yet'}>
          {search
            ? `No member matches “${search}”.`
            : 'People join the pool when they accept an invitation from one of its batches.'}
        </EmptyState>
      )}
      {page && page.totalCount > 0 && (
        <>
          <ScrollTable minWidth={640}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Mobile</Table.Th>
                  <Table.Th scope="col">Joined</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.nodes.map((m) => {
                  const name = displayName(m) || m.email;
                  return (
                    <Table.Tr key={m.id}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{m.email}</Table.Td>
                      <Table.Td>{m.mobile ?? '—'}</Table.Td>
                      <Table.Td className="nowrap">{formatDateTime(m.joinedAt)}</Table.Td>
                      <Table.Td>
                        <Button
                          variant="outline"
                          color="red.9"
                          size="xs"
                          aria-label={`Remove ${name} from the pool`}
                          onClick={() => setRemoving({ id: m.id, email: m.email, name })}
                        >
                          Remove
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {formatCount(firstRow)}–{formatCount(firstRow + page.nodes.length - 1)} of{' '}
              {formatCount(page.totalCount)}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                disabled={list.length <= 1}
                onClick={() => setCursors({ search, list: list.slice(0, -1) })}
              >
                Previous page
              </Button>
              <Button
                variant="default"
                size="xs"
                disabled={!page.pageInfo.hasNextPage}
                onClick={() => setCursors({ search, list: [...list, page.pageInfo.endCursor ?? null] })}
              >
                Next page
              </Button>
            </Group>
          </Group>
        </>
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove from the pool">
        {removing && (
          <Stack>
            <Text>
              <strong>{removing.name}</strong> leaves the pool. Their Skills Passport stays, and they can be
              invited into the pool again.
            </Text>
            <ProblemAlert problem={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                Cancel
              </Button>
              <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(removing)}>
                Remove
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
