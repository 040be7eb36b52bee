import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { useCursorPages } from '../../components/cursor-pages';
import type { UploadStatus } from '../../gql/graphql';
import { BATCH_TAB } from '../../graphql/operations';
import { PAGE_SIZE, tabOf, type TabKey } from './tabs';

/** The tabs with a field of their own in the API. */
const OWN_FIELD = new Set<TabKey>(['uploaded', 'invited', 'accepted']);

/** One page of a tab, by cursor (`useCursorPages`): a new tab, search or filter starts again at the first page. */
export function useTabPage(batchId: string, tab: TabKey, search: string, status: UploadStatus | null) {
  const { after, firstRow, nextAfter, previous } = useCursorPages(
    `${tab}|${search}|${status ?? ''}`,
    PAGE_SIZE,
  );
  const query = useQuery({
    queryKey: [...keys.tab(batchId), tab, search, status, after],
    queryFn: async () => {
      const data = await gql(BATCH_TAB, {
        id: batchId,
        first: PAGE_SIZE,
        after,
        search: search || null,
        status: tab === 'uploaded' ? status : null,
        uploaded: tab === 'uploaded',
        invited: tab === 'invited',
        accepted: tab === 'accepted',
        // The tabs the API serves by state only (Expired, Revoked, Declined) come from `invitees(states:)`.
        others: !OWN_FIELD.has(tab),
        states: OWN_FIELD.has(tab) ? null : [tabOf(tab).state],
      });
      const batch = data.invitationBatch;
      if (!batch) return null;
      return (
        (tab === 'uploaded' || tab === 'invited' || tab === 'accepted' ? batch[tab] : batch.invitees) ?? null
      );
    },
    placeholderData: keepPreviousData,
  });
  const page = query.data;
  return { query, page, firstRow, next: nextAfter(page?.pageInfo), previous };
}
