import type { RecordedEvent } from '@invitations/event-store';
import { positionKey } from '../projection/projection';
import { auditProjection } from './audit.projection';

const recorded = (
  type: string,
  data: Record<string, unknown>,
  metadata: Partial<RecordedEvent['metadata']> = {},
): RecordedEvent => ({
  id: `event-${type}`,
  type,
  data,
  streamId: 'invitee-i1',
  revision: 3n,
  position: 41n,
  metadata: {
    organisationId: 'org-1',
    actor: 'admin-1',
    correlationId: 'c1',
    causationId: 'k1',
    timestamp: '2025-03-01T09:00:00.000Z',
    schemaVersion: 1,
    ...metadata,
  },
});

describe('the audit projection', () => {
  it("makes an upload's rows an entry of the upload's alone, without reading (decrypting) the rows", () => {
    const event = { ...recorded('UploadRowsRecorded', {}), streamId: 'upload-u1' };
    Object.defineProperty(event, 'data', {
      get: () => {
        throw new Error('the rows were read');
      },
    });
    expect(auditProjection.evolve(null, event)).toMatchObject({
      type: 'UploadRowsRecorded',
      stream: 'upload-u1',
      poolId: null,
      batchId: null,
      inviteeId: null,
    });
  });

  it('handles every event type, each event one entry at its position', () => {
    const event = recorded('SomeTypeOfTomorrow', {});
    expect(auditProjection.handles.has(event.type)).toBe(true);
    expect(auditProjection.documentIds(event)).toEqual([positionKey(41n)]);
  });

  it('records who (with the name recorded), when, where in the log, and the pool, batch and invitee named', () => {
    const event = recorded(
      'InvitationSent',
      { inviteeId: 'i1', batchId: 'b1', poolId: 'p1', message: 'hello' },
      { actorName: 'Ada Admin' },
    );
    expect(auditProjection.evolve(null, event)).toEqual({
      _id: positionKey(41n),
      _pos: positionKey(41n),
      organisationId: 'org-1',
      type: 'InvitationSent',
      at: '2025-03-01T09:00:00.000Z',
      actor: 'admin-1',
      actorName: 'Ada Admin',
      stream: 'invitee-i1',
      revision: '3',
      poolId: 'p1',
      batchId: 'b1',
      inviteeId: 'i1',
    });
  });

  it('gives no name when none was recorded, and nothing the event does not name', () => {
    const entry = auditProjection.evolve(
      null,
      recorded('InvitationExpired', { inviteeId: 'i1' }, { actor: null }),
    );
    expect(entry).toMatchObject({
      actor: null,
      actorName: null,
      inviteeId: 'i1',
      poolId: null,
      batchId: null,
    });
  });

  it("makes no entry for an event of no organisation (a passport is every organisation's, so none's audit)", () => {
    const event = recorded('PassportCreated', { passportId: 'x' }, { organisationId: null });
    expect(auditProjection.evolve(null, event)).toBeNull();
  });

  it('keeps an entry as it was written', () => {
    const event = recorded('InviteeRemoved', { inviteeId: 'i1' });
    const entry = auditProjection.evolve(null, event)!;
    expect(auditProjection.evolve(entry, event)).toBe(entry);
  });
});
