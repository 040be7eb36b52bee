import { insertInCreationOrder, removeFromList } from '../projection/creation-order';
import { InMemoryDocuments, type InMemoryState } from '../projection/in-memory-documents';
import type { MemberDoc, PoolDoc } from './pool.document';
import type { Pools } from './pools.port';

interface PoolsState extends InMemoryState<PoolDoc> {
  /** Each organisation's pools, in creation order. */
  readonly byOrganisation: Map<string, PoolDoc[]>;
}

/** The `pools` documents in memory. */
export class InMemoryPoolDocuments extends InMemoryDocuments<PoolDoc, PoolsState> {
  protected emptyState(): PoolsState {
    return { byId: new Map(), byOrganisation: new Map() };
  }

  byId(organisationId: string, poolId: string): PoolDoc | null {
    const doc = this.state.byId.get(poolId);
    return doc !== undefined && doc.organisationId === organisationId ? doc : null;
  }

  ofOrganisation(organisationId: string): PoolDoc[] {
    return [...(this.state.byOrganisation.get(organisationId) ?? [])];
  }

  protected added(doc: PoolDoc): void {
    insertInCreationOrder(this.state.byOrganisation, doc.organisationId, doc);
  }

  protected removed(doc: PoolDoc): void {
    removeFromList(this.state.byOrganisation, doc.organisationId, doc);
  }
}

interface MembersState extends InMemoryState<MemberDoc> {
  /** Each passport's memberships (a person joins a few pools). */
  readonly byPassport: Map<string, MemberDoc[]>;
  /** How many members each pool has, by the organisation their memberships name. */
  readonly counts: Map<string, Map<string, number>>;
}

/** The `members` documents in memory. */
export class InMemoryMemberDocuments extends InMemoryDocuments<MemberDoc, MembersState> {
  protected emptyState(): MembersState {
    return { byId: new Map(), byPassport: new Map(), counts: new Map() };
  }

  count(organisationId: string, poolId: string): number {
    return this.state.counts.get(poolId)?.get(organisationId) ?? 0;
  }

  byId(organisationId: string, poolId: string, memberId: string): MemberDoc | null {
    const doc = this.state.byId.get(memberId);
    return doc !== undefined && doc.organisationId === organisationId && doc.poolId === poolId ? doc : null;
  }

  isMemberOfAnotherPool(organisationId: string, passportId: string, poolId: string): boolean {
    const memberships = this.state.byPassport.get(passportId) ?? [];
    return memberships.some((doc) => doc.organisationId === organisationId && doc.poolId !== poolId);
  }

  protected added(doc: MemberDoc): void {
    const { byPassport, counts } = this.state;
    const list = byPassport.get(doc.passportId);
    if (list === undefined) byPassport.set(doc.passportId, [doc]);
    else list.push(doc);
    let ofPool = counts.get(doc.poolId);
    if (ofPool === undefined) counts.set(doc.poolId, (ofPool = new Map()));
    ofPool.set(doc.organisationId, (ofPool.get(doc.organisationId) ?? 0) + 1);
  }

  protected removed(doc: MemberDoc): void {
    const { byPassport, counts } = this.state;
    removeFromList(byPassport, doc.passportId, doc);
    const ofPool = counts.get(doc.poolId);
    const count = ofPool?.get(doc.organisationId) ?? 0;
    if (count > 1) ofPool!.set(doc.organisationId, count - 1);
    else ofPool?.delete(doc.organisationId);
    if (ofPool?.size === 0) counts.delete(doc.poolId);
  }
}

/** The pools and members read model in memory: its queries over both kinds of documents. */
export class InMemoryPools implements Pools {
  constructor(
    readonly pools: InMemoryPoolDocuments = new InMemoryPoolDocuments(),
    readonly members: InMemoryMemberDocuments = new InMemoryMemberDocuments(),
  ) {}

  async byId(organisationId: string, poolId: string): Promise<PoolDoc | null> {
    return this.pools.byId(organisationId, poolId);
  }

  async ofOrganisation(organisationId: string): Promise<PoolDoc[]> {
    return this.pools.ofOrganisation(organisationId);
  }

  async memberCount(organisationId: string, poolId: string): Promise<number> {
    return this.members.count(organisationId, poolId);
  }

  async isMemberOfAnotherPool(organisationId: string, passportId: string, poolId: string): Promise<boolean> {
    return this.members.isMemberOfAnotherPool(organisationId, passportId, poolId);
  }

  async member(organisationId: string, poolId: string, memberId: string): Promise<MemberDoc | null> {
    return this.members.byId(organisationId, poolId, memberId);
  }
}
