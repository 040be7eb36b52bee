import { ServiceError } from '@invitations/kernel';

/**
 * A tab's order: the instant that puts the invitee in the tab, then the id to break ties.
 * Event instants are ISO-8601 UTC of one width, so the strings sort in time order.
 */
export function sortKey(at: string, inviteeId: string): string {
  // join builds one flat string; a template literal builds a rope of pieces, kept in every invitee.
  return [at, inviteeId].join(' ');
}

/** The largest page a tab gives at once. */
export const MAX_PAGE = 500;

/** A page size a tab serves: 0 (only the count and whether there are more) to MAX_PAGE. */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new ServiceError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE}.`, [
      { field: 'first', message: `must be between 0 and ${MAX_PAGE}` },
    ]);
  }
}

/** The cursor after a document: its sort key, opaque to clients. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

/** The sort key a cursor stands for; a cursor this service did not make is a BAD_USER_INPUT. */
export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (decoded === '' || encodeCursor(decoded) !== cursor) {
    throw new ServiceError('BAD_USER_INPUT', 'The cursor is not valid.', [
      { field: 'after', message: 'is not a valid cursor' },
    ]);
  }
  return decoded;
}
