import { useState } from 'react';

/**
 * Paging by cursor, never the whole list: the cursors of the pages before are kept, so that "Previous" goes back
 * without offsets; another `filterKey` (a new search, tab or filter) starts again at the first page.
 */
export function useCursorPages(filterKey: string, pageSize: number) {
  const [paging, setPaging] = useState<{ filterKey: string; cursors: (string | null)[] }>({
    filterKey,
    cursors: [null],
  });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [null];
  return {
    /** The cursor to ask for the page shown after: null for the first page. */
    after: cursors[cursors.length - 1],
    /** The number of the first row shown, from 1. */
    firstRow: (cursors.length - 1) * pageSize + 1,
    /** Going to the page after the one shown, once it is loaded and if there is one. */
    nextAfter: (pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined) =>
      pageInfo?.hasNextPage
        ? () => setPaging({ filterKey, cursors: [...cursors, pageInfo.endCursor] })
        : undefined,
    previous: cursors.length > 1 ? () => setPaging({ filterKey, cursors: cursors.slice(0, -1) }) : undefined,
  };
}
