import { positionKey } from '../projection/projection';
import type { ReadModelSet } from '../read-model-set';
import { itKeepsToItsOrganisation } from '../testing/organisation-documents';
import { describeOnBothAdapters } from '../testing/read-model-adapters';
import { writeDocuments } from '../testing/write-documents';
import type { MemberDoc, PoolDoc } from './pool.document';
import { memberId } from './pools.projection';

let position = 1n;
const pool = (id: string, fields: Partial<PoolDoc> = {}): PoolDoc => ({
  _id: id,
  organisationId: 'org-1',
  name: `Pool ${id}`,
  createdAt: '2025-03-01T09:00:00.000Z',
  _pos: positionKey(position++),
  ...fields,
});
const member = (poolId: string, passportId: string, organisationId = 'org-1'): MemberDoc => ({
  _id: memberId(poolId, passportId),
  organisationId,
  poolId,
  passportId,
  inviteeId: `invitee-of-${passportId}-in-${poolId}`,
  joinedAt: '2025-03-03T09:00:00.000Z',
  _pos: positionKey(position++),
});

describeOnBothAdapters('pools and members', (open) => {
  let readModels: ReadModelSet;
  beforeEach(async () => (readModels = await open()));
  const writePools = (...docs: PoolDoc[]) => writeDocuments(readModels, 'pools', docs);
  const writeMembers = (...docs: MemberDoc[]) => writeDocuments(readModels, 'members', docs);

  itKeepsToItsOrganisation('pool', () => readModels, {
    name: 'pools',
    aDocument: pool,
    byId: (set, organisationId, id) => set.pools.byId(organisationId, id),
    list: (set, organisationId) => set.pools.ofOrganisation(organisationId),
  });

  it("counts a pool's members", async () => {
    await writeMembers(member('p1', 'x'), member('p1', 'y'), member('p2', 'x'));

    expect(await readModels.pools.memberCount('org-1', 'p1')).toBe(2);
    expect(await readModels.pools.memberCount('org-1', 'p2')).toBe(1);
    expect(await readModels.pools.memberCount('org-2', 'p1')).toBe(0);
    expect(await readModels.pools.memberCount('org-1', 'p3')).toBe(0);
  });

  it('tells whether a passport is a member of another pool of the organisation', async () => {
    await writeMembers(member('p1', 'x'), member('p9', 'y', 'org-2'));

    expect(await readModels.pools.isMemberOfAnotherPool('org-1', 'x', 'p2')).toBe(true);
    expect(await readModels.pools.isMemberOfAnotherPool('org-1', 'x', 'p1')).toBe(false);
    expect(await readModels.pools.isMemberOfAnotherPool('org-1', 'y', 'p1')).toBe(false);
    expect(await readModels.pools.isMemberOfAnotherPool('org-1', 'z', 'p1')).toBe(false);
  });

  it('keeps one membership per passport per pool, the first', async () => {
    const first = member('p1', 'x');
    await writeMembers(first);
    await writeMembers({ ...first, inviteeId: 'a later invitee', _pos: first._pos });

    expect(await readModels.storage.documents('members').all()).toEqual([first]);
    expect(await readModels.pools.memberCount('org-1', 'p1')).toBe(1);
  });

  it('finds a membership by its id, in its pool and organisation only', async () => {
    const doc = member('p1', 'x');
    await writeMembers(doc, member('p2', 'x'));

    expect(await readModels.pools.member('org-1', 'p1', memberId('p1', 'x'))).toEqual(doc);
    expect(await readModels.pools.member('org-1', 'p2', memberId('p1', 'x'))).toBeNull();
    expect(await readModels.pools.member('org-2', 'p1', memberId('p1', 'x'))).toBeNull();
    expect(await readModels.pools.member('org-1', 'p1', memberId('p1', 'nobody'))).toBeNull();
  });

  it('forgets a removed membership: the count drops and the passport is a member elsewhere no more', async () => {
    const doc = member('p1', 'x');
    await writeMembers(doc);
    await readModels.storage
      .documents('members')
      .write([{ id: doc._id, document: null, position: positionKey(position++) }]);

    expect(await readModels.pools.memberCount('org-1', 'p1')).toBe(0);
    expect(await readModels.pools.member('org-1', 'p1', doc._id)).toBeNull();
    expect(await readModels.pools.isMemberOfAnotherPool('org-1', 'x', 'p2')).toBe(false);
  });

  it('shows a renamed pool under its new name', async () => {
    const doc = pool('p1');
    await writePools(doc);
    await writePools({ ...doc, name: 'Renamed', _pos: positionKey(position++) });

    expect((await readModels.pools.byId('org-1', 'p1'))?.name).toBe('Renamed');
    expect((await readModels.pools.ofOrganisation('org-1')).map((p) => p.name)).toEqual(['Renamed']);
  });
});
