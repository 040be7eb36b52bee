import type { RecordedEvent } from '@invitations/event-store';
import type { EventLogReader } from '@invitations/event-store';

export const DEFAULT_PAGE_SIZE = 1000;

/**
 * The global log from its start, read a page at a time (one `readAll` of at most `pageSize` events after the last
 * position seen): a long scan holds one page, and each request to the store stays small.
 */
export async function* logInPages(
  log: Pick<EventLogReader, 'readAll'>,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<RecordedEvent> {
  let after: bigint | undefined;
  for (;;) {
    let read = 0;
    for await (const event of log.readAll({ after, maxCount: pageSize })) {
      read += 1;
      after = event.position;
      yield event;
    }
    if (read < pageSize) return;
  }
}
