/**
 * One copy of each repeated string an in-memory read model holds. Every event is decoded into fresh strings (its
 * type, organisation, stream, ids, timestamp), so a read model that keeps an entry per event (the audit: about seven
 * per person invited, a million for a 150,000-row confirmation) would otherwise hold a million copies of
 * "InvitationSent" and of each organisation's id: hundreds of MB, and as many objects for every full collection to
 * mark. The pool forgets everything at `limit` strings (the documents keep theirs), so it never holds on to strings
 * no document needs any more for long.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit = 200_000) {}

  /** The pool's copy of `value` (which becomes it when the pool had none). */
  shared<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    if (this.strings.size >= this.limit) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }
}
