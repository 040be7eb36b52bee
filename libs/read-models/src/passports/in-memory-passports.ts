import { InMemoryDocuments, type InMemoryState } from '../projection/in-memory-documents';
import type { PassportDoc } from './passport.document';
import type { Passports } from './passports.port';

interface PassportsState extends InMemoryState<PassportDoc> {
  readonly byEmail: Map<string, PassportDoc>;
  /** Most passports have no mobile. */
  readonly byMobile: Map<string, PassportDoc>;
  /** Nearly every key is one passport's: a list only where several share it. */
  readonly byNameKey: Map<string, PassportDoc | PassportDoc[]>;
}

/**
 * The `passports` read model in memory. An email is one passport's, as MongoDB's unique index keeps it: a passport
 * whose email another holds is not added (the event store's passport keys make that impossible on a sound log).
 */
export class InMemoryPassports extends InMemoryDocuments<PassportDoc, PassportsState> implements Passports {
  protected emptyState(): PassportsState {
    return { byId: new Map(), byEmail: new Map(), byMobile: new Map(), byNameKey: new Map() };
  }

  async byEmail(email: string): Promise<PassportDoc | null> {
    return this.state.byEmail.get(email) ?? null;
  }

  async byMobile(mobile: string): Promise<PassportDoc | null> {
    return this.state.byMobile.get(mobile) ?? null;
  }

  async byEmails(emails: readonly string[]): Promise<PassportDoc[]> {
    return found(this.state.byEmail, emails);
  }

  async byMobiles(mobiles: readonly string[]): Promise<PassportDoc[]> {
    return found(this.state.byMobile, mobiles);
  }

  async byPossibleDuplicateKeys(keys: readonly string[]): Promise<PassportDoc[]> {
    const passports: PassportDoc[] = [];
    for (const key of new Set(keys)) {
      const holders = this.state.byNameKey.get(key);
      if (holders === undefined) continue;
      if (Array.isArray(holders)) passports.push(...holders);
      else passports.push(holders);
    }
    return passports;
  }

  protected override admits(doc: PassportDoc): boolean {
    return !this.state.byEmail.has(doc.email);
  }

  protected added(doc: PassportDoc): void {
    const { byEmail, byMobile, byNameKey } = this.state;
    byEmail.set(doc.email, doc);
    if (doc.mobile !== null && !byMobile.has(doc.mobile)) byMobile.set(doc.mobile, doc);
    const holders = byNameKey.get(doc.nameKey);
    if (holders === undefined) byNameKey.set(doc.nameKey, doc);
    else if (Array.isArray(holders)) holders.push(doc);
    else byNameKey.set(doc.nameKey, [holders, doc]);
  }

  protected removed(doc: PassportDoc): void {
    const { byEmail, byMobile, byNameKey } = this.state;
    if (byEmail.get(doc.email) === doc) byEmail.delete(doc.email);
    if (doc.mobile !== null && byMobile.get(doc.mobile) === doc) byMobile.delete(doc.mobile);
    const holders = byNameKey.get(doc.nameKey);
    if (holders === doc) byNameKey.delete(doc.nameKey);
    else if (Array.isArray(holders)) {
      const rest = holders.filter((holder) => holder !== doc);
      if (rest.length === 1) byNameKey.set(doc.nameKey, rest[0]);
      else byNameKey.set(doc.nameKey, rest);
    }
  }
}

function found(index: Map<string, PassportDoc>, keys: readonly string[]): PassportDoc[] {
  const passports: PassportDoc[] = [];
  for (const key of new Set(keys)) {
    const passport = index.get(key);
    if (passport !== undefined) passports.push(passport);
  }
  return passports;
}
