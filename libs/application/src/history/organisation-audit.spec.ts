import type { ReadAllOptions } from '@invitations/event-store';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { invitationSent, inviteeStaged, tokenIssued } from '@invitations/domain/testing';
import type { AuditRecord } from './audit-record';
import { organisationAudit, type AuditPeriod } from './organisation-audit';
import { record } from '../testing/recorded-log';

describe("an organisation's audit log", () => {
  let store: InMemoryEventStore;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await record(store, 'invitee-1', inviteeStaged(), '2025-03-01T09:00:00.000Z');
    await record(
      store,
      'invitee-9',
      inviteeStaged({ inviteeId: 'invitee-9' }),
      '2025-03-02T09:00:00.000Z',
      'globex',
      'gus',
    );
    await record(
      store,
      'passport-1',
      { type: 'PassportCreated', data: { passportId: 'passport-1' } },
      '2025-03-03T09:00:00.000Z',
      null,
      null,
    );
    await record(store, 'invitee-1', invitationSent(), '2025-03-04T09:00:00.000Z');
    await record(store, 'invitee-1', tokenIssued(), '2025-03-05T00:00:00.000Z', 'acme', null);
    await record(
      store,
      'invitee-1',
      { type: 'InvitationRevoked', data: { inviteeId: 'invitee-1' } },
      '2025-03-06T09:00:00.000Z',
    );
  });

  const collect = async (period: AuditPeriod, pageSize?: number) => {
    const records: AuditRecord[] = [];
    for await (const entry of organisationAudit(store, period, pageSize)) records.push(entry);
    return records;
  };

  it("lists only the organisation's events, in log order, each with where, what, when, who and why", async () => {
    const records = await collect({ organisationId: 'acme', from: null, to: null });

    expect(records.map((entry) => [entry.position, entry.type])).toEqual([
      ['0', 'InviteeStaged'],
      ['3', 'InvitationSent'],
      ['4', 'InvitationTokenIssued'],
      ['5', 'InvitationRevoked'],
    ]);
    expect(records[1]).toEqual({
      position: '3',
      stream: 'invitee-1',
      type: 'InvitationSent',
      at: '2025-03-04T09:00:00.000Z',
      actor: 'alice',
      correlationId: 'corr-2025-03-04T09:00:00.000Z',
      // The invitation's token hash is redacted wherever it is recorded.
      data: { ...invitationSent().data, tokenHash: '[redacted]' },
    });
  });

  it('keeps the period: from included, to excluded', async () => {
    const records = await collect({
      organisationId: 'acme',
      from: new Date('2025-03-04T09:00:00.000Z'),
      to: new Date('2025-03-06T09:00:00.000Z'),
    });

    expect(records.map((entry) => entry.type)).toEqual(['InvitationSent', 'InvitationTokenIssued']);
  });

  it('redacts token hashes', async () => {
    const [issued] = (await collect({ organisationId: 'acme', from: null, to: null })).filter(
      (entry) => entry.type === 'InvitationTokenIssued',
    );

    expect(issued.data).toMatchObject({ tokenHash: '[redacted]' });
    expect(JSON.stringify(issued)).not.toContain(tokenIssued().data.tokenHash);
  });

  it('reads the log in pages, and hands each record on before reading further', async () => {
    const reads: ReadAllOptions[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (options?: ReadAllOptions) => {
      reads.push({ ...options });
      return readAll(options);
    };

    const audit = organisationAudit(store, { organisationId: 'acme', from: null, to: null }, 2);
    const first = await audit.next();
    expect(first.value).toMatchObject({ type: 'InviteeStaged' });
    expect(reads).toEqual([{ after: undefined, maxCount: 2 }]);

    const rest: AuditRecord[] = [];
    for await (const entry of audit) rest.push(entry);
    expect(rest).toHaveLength(3);
    expect(reads).toEqual([
      { after: undefined, maxCount: 2 },
      { after: 1n, maxCount: 2 },
      { after: 3n, maxCount: 2 },
      { after: 5n, maxCount: 2 },
    ]);
  });
});
