import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { asProblem } from '../../api/api-problem';
import { useBatch } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { formatCount, people } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PageNav } from '../../components/PageNav';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import type { InviteeRowFragment, UploadStatus } from '../../gql/graphql';
import { NotFoundPage } from '../NotFoundPage';
import { BULK_WORDING, BulkActionModal, type BulkTarget } from './BulkActionModal';
import { ConfirmActionModal, type RowAction } from './ConfirmActionModal';
import { ConfirmationProgress } from './ConfirmationProgress';
import { CorrectInviteeModal } from './CorrectInviteeModal';
import { InviteModal, type InviteOutcome, type InviteTarget } from './InviteModal';
import { InviteeTable } from './InviteeTable';
import { PersonDrawer } from './PersonDrawer';
import { TABS, UPLOAD_STATUS_FILTERS, tabOf } from './tabs';
import { useTabPage } from './use-tab-page';

/** What another page tells this one when it sends the admin back here (after adding or uploading people). */
export interface BatchNotice {
  notice: string;
  /** The person just added, marked in the list. */
  highlight?: string;
  /** An upload whose confirmation runs on in the background: its progress is shown until it ends. */
  confirmingUpload?: string;
}

/**
 * A batch (MyPass stage 2): the tabs with their counts, search, cursor paging; select people or All, then Invite;
 * per person send, resend, revoke, correct, remove and history. Adding and uploading are pages of their own.
 */
export function BatchPage() {
  const { batchId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const batch = useBatch(batchId);
  const tab = tabOf(params.get('tab'));
  const [searchText, setSearchText] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const status = (params.get('status') || null) as UploadStatus | null;
  const { page, query, firstRow, next, previous } = useTabPage(batchId, tab.key, search, status);
  const [selected, setSelected] = useState<Set<string> | 'all'>(new Set());
  const [inviting, setInviting] = useState<InviteTarget | null>(null);
  const [action, setAction] = useState<RowAction | null>(null);
  const [bulk, setBulk] = useState<BulkTarget | null>(null);
  const [correcting, setCorrecting] = useState<InviteeRowFragment | null>(null);
  const [arrival] = useState(() => location.state as BatchNotice | null);
  const [notice, setNotice] = useState<string | null>(arrival?.notice ?? null);
  const navigate = useNavigate();
  // The notice is said once: a reload or a return through the history does not say it again.
  useEffect(() => {
    if (location.state) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location.state, location.pathname, location.search, navigate]);
  const personId = params.get('person');

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const nextParams = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) nextParams.set(key, value);
          else nextParams.delete(key);
        }
        return nextParams;
      },
      { replace: true },
    );

  useEffect(() => {
    if (search !== (params.get('q') ?? '')) update({ q: search || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);
  useEffect(() => setSelected(new Set()), [tab.key, status]);

  if (!batch.data) return <QueryState error={batch.error} label="The batch" />;
  const summary = batch.data.invitationBatch;
  if (!summary) return <NotFoundPage what="This invitation batch" />;
  const counts = summary.counts;
  const invitableCount = counts.uploaded - counts.invalid;
  // "All" is every invitable person on Uploaded, and everyone in the tab elsewhere.
  const allCount = tab.key === 'uploaded' ? invitableCount : tab.count(counts);
  const selectedCount = selected === 'all' ? allCount : selected.size;

  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const set = new Set(current === 'all' ? [] : current);
      ids.forEach((id) => (on ? set.add(id) : set.delete(id)));
      return set;
    });
  /** A modal is done: it closes, and the page says what it did. */
  const closeAndTell = (close: () => void) => (text: string) => {
    close();
    setNotice(text);
  };
  const invited = (outcome: InviteOutcome) => {
    setInviting(null);
    setSelected(new Set());
    const parts = [`${people(outcome.invited)} invited`];
    if (outcome.autoAccepted > 0)
      parts.push(`${people(outcome.autoAccepted)} already in another of your pools accepted at once`);
    if (outcome.skipped.length > 0)
      parts.push(
        `${people(outcome.skipped.length)} skipped (${[...new Set(outcome.skipped.map((s) => s.reason))].join('; ')})`,
      );
    setNotice(`${parts.join(', ')}.`);
  };

  const actions = (
    <>
      <Button component={Link} to={`/batches/${batchId}/add`} variant="default">
        Add personnel
      </Button>
      <Button component={Link} to={`/batches/${batchId}/upload`} variant="default">
        Upload personnel
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title={summary.name}
        crumbs={[
          { label: 'Invite personnel', to: '/batches' },
          { label: summary.pool.name, to: `/pools/${summary.pool.id}` },
        ]}
        actions={actions}
      >
        <Text size="sm" c="dimmed">
          Invites into the resource pool{' '}
          <Anchor component={Link} to={`/pools/${summary.pool.id}`} size="sm">
            {summary.pool.name}
          </Anchor>
        </Text>
      </PageHeader>
      {notice && (
        <Alert
          color="green"
          role="status"
          mb="md"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      {arrival?.confirmingUpload && (
        <ConfirmationProgress batchId={batchId} uploadId={arrival.confirmingUpload} />
      )}
      <Tabs
        value={tab.key}
        onChange={(value) => update({ tab: value === 'uploaded' ? null : value, status: null })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.key} value={t.key}>
              {t.label} ({formatCount(t.count(counts))})
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.key} value={t.key} pt="md">
            <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
              <TextInput
                label="Search"
                placeholder="Name or email"
                value={searchText}
                onChange={(e) => setSearchText(e.currentTarget.value)}
                type="search"
                w={{ base: '100%', xs: 260 }}
              />
              {t.key === 'uploaded' && (
                <Select
                  label="Upload status"
                  data={UPLOAD_STATUS_FILTERS.map((f) => ({
                    value: f.value,
                    label: f.value === 'INVALID' ? `Invalid (${formatCount(counts.invalid)})` : f.label,
                  }))}
                  value={status ?? ''}
                  onChange={(value) => update({ status: value || null })}
                  allowDeselect={false}
                  w={{ base: '100%', xs: 180 }}
                />
              )}
              {t.bulk.length > 0 && (
                <Paper withBorder p={6} radius="md" ml={{ xs: 'auto' }}>
                  <Group gap="sm" wrap="wrap">
                    <Checkbox
                      label="All"
                      aria-label={`All: everyone in ${t.label} (${formatCount(t.count(counts))})`}
                      checked={selected === 'all'}
                      disabled={t.count(counts) === 0}
                      onChange={(e) => setSelected(e.currentTarget.checked ? 'all' : new Set())}
                    />
                    {t.bulk.map((kind) => (
                      <Button
                        key={kind}
                        variant={kind === 'revoke' ? 'outline' : 'filled'}
                        color={BULK_WORDING[kind].color}
                        disabled={selectedCount === 0}
                        onClick={() =>
                          setBulk({
                            kind,
                            who:
                              selected === 'all'
                                ? { state: t.state, tab: t.label, count: t.count(counts) }
                                : { ids: [...selected] },
                          })
                        }
                      >
                        {BULK_WORDING[kind].button}
                        {selectedCount > 0 ? ` (${formatCount(selectedCount)})` : ''}
                      </Button>
                    ))}
                  </Group>
                </Paper>
              )}
              {t.key === 'uploaded' && (
                <Paper withBorder p={6} radius="md" ml={{ xs: 'auto' }}>
                  <Group gap="sm" wrap="nowrap">
                    <Checkbox
                      label="All"
                      aria-label={`All: every invitable person in this batch (${formatCount(invitableCount)})`}
                      checked={selected === 'all'}
                      disabled={invitableCount === 0}
                      onChange={(e) => setSelected(e.currentTarget.checked ? 'all' : new Set())}
                    />
                    <Button
                      disabled={selectedCount === 0}
                      onClick={() =>
                        setInviting(
                          selected === 'all'
                            ? { kind: 'all', count: invitableCount }
                            : { kind: 'selected', ids: [...selected] },
                        )
                      }
                    >
                      Invite{selectedCount > 0 ? ` (${formatCount(selectedCount)})` : ''}
                    </Button>
                  </Group>
                </Paper>
              )}
            </Group>
            {t.key === 'uploaded' && counts.invalid > 0 && (
              <Text size="sm" c="red.9" mb="xs">
                {people(counts.invalid)} cannot be invited until their details are corrected: select their
                name (✗) to correct them.
              </Text>
            )}
            {query.error && (
              <ProblemAlert problem={asProblem(query.error)} title="This tab could not be loaded" />
            )}
            {!page && !query.error && <QueryState error={null} label={t.label} />}
            {page &&
              page.totalCount === 0 &&
              (search || status ? (
                <EmptyState title="Nobody matches">
                  No one in {t.label} matches {search ? `“${search}”` : 'this status'}. Try another search.
                </EmptyState>
              ) : (
                <EmptyState
                  title={t.empty.title}
                  action={t.key === 'uploaded' ? <Group>{actions}</Group> : undefined}
                >
                  {t.empty.text}
                </EmptyState>
              ))}
            {page && page.totalCount > 0 && (
              <>
                <InviteeTable
                  rows={page.nodes}
                  tab={t}
                  selected={selected}
                  highlight={arrival?.highlight}
                  onSelect={select}
                  handlers={{
                    open: (row) => update({ person: row.id }),
                    correct: setCorrecting,
                    inviteOne: (row) =>
                      setInviting({
                        kind: 'one',
                        id: row.id,
                        name: row.preferredName || row.firstName || row.email,
                      }),
                    act: setAction,
                  }}
                />
                <PageNav
                  firstRow={firstRow}
                  shown={page.nodes.length}
                  total={page.totalCount}
                  previous={previous}
                  next={next}
                  mt="sm"
                />
              </>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      <InviteModal batchId={batchId} target={inviting} onClose={() => setInviting(null)} onDone={invited} />
      <BulkActionModal
        batchId={batchId}
        target={bulk}
        onClose={() => setBulk(null)}
        onDone={closeAndTell(() => {
          setBulk(null);
          setSelected(new Set());
        })}
      />
      <ConfirmActionModal
        batchId={batchId}
        target={action}
        onClose={() => setAction(null)}
        onDone={closeAndTell(() => setAction(null))}
      />
      <CorrectInviteeModal
        invitee={correcting}
        onClose={() => setCorrecting(null)}
        onCorrected={closeAndTell(() => setCorrecting(null))}
      />
      <PersonDrawer inviteeId={personId} onClose={() => update({ person: null })} />
    </>
  );
}
