import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asProblem, type ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { useCursorPages } from '../../components/cursor-pages';
import { EmptyState } from '../../components/EmptyState';
import { PageNav } from '../../components/PageNav';
import { displayName, formatDateTime } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormButtons } from '../../components/FormButtons';
import { type Column, DataTable } from '../../components/DataTable';
import type { PoolMembersQuery } from '../../gql/graphql';
import { POOL_MEMBERS, REMOVE_MEMBER } from '../../graphql/operations';

const PAGE_SIZE = 50;

type MemberRow = { id: string; email: string; name: string };

type Member = NonNullable<PoolMembersQuery['resourcePool']>['members']['nodes'][number] & { name: string };

const memberColumns = (remove: (member: MemberRow) => void): Column<Member>[] => [
  { key: 'name', header: 'Name', cell: (m) => m.name },
  { key: 'email', header: 'Email', cell: (m) => m.email },
  { key: 'mobile', header: 'Mobile', cell: (m) => m.mobile ?? '—' },
  { key: 'joined', header: 'Joined', nowrap: true, cell: (m) => formatDateTime(m.joinedAt) },
  {
    key: 'actions',
    header: <span className="visually-hidden">Actions</span>,
    cell: (m) => (
      <Button
        variant="outline"
        color="red.9"
        size="xs"
        aria-label={`Remove ${m.name} from the pool`}
        onClick={() => remove({ id: m.id, email: m.email, name: m.name })}
      >
        Remove
      </Button>
    ),
  },
];

/**
 * A pool's members, in the order they joined: search by name, email or mobile, a page of 50 at a time by cursor,
 * and Remove (their Skills Passport stays; they may be invited into the pool again).
 */
export function PoolMembers({ poolId }: { poolId: string }) {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const { after, firstRow, nextAfter, previous } = useCursorPages(search, PAGE_SIZE);
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
          <DataTable
            columns={memberColumns(setRemoving)}
            rows={page.nodes.map((m) => ({ ...m, name: displayName(m) || m.email }))}
            rowKey={(m) => m.id}
            minWidth={640}
            highlightOnHover
            verticalSpacing="xs"
          />
          <PageNav
            firstRow={firstRow}
            shown={page.nodes.length}
            total={page.totalCount}
            previous={previous}
            next={nextAfter(page.pageInfo)}
          />
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
            <FormButtons
              onCancel={() => setRemoving(null)}
              act="Remove"
              onAct={() => remove.mutate(removing)}
              loading={remove.isPending}
              color="red.9"
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
