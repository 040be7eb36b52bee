import { ServiceError } from '@invitations/kernel';
import { EmbeddedEventStore } from '@invitations/event-store';
import { aTempDirectory } from '@invitations/event-store/testing';
import type { EventStore, NewEvent } from '@invitations/event-store';
import { uploadStreamId } from '@invitations/domain';
import { collectUploadRows, toRowValues } from '@invitations/domain';
import type { RecordUploadPreview } from '@invitations/domain';
import { uploadDecider } from '@invitations/domain';
import type { UploadRowValues } from '@invitations/domain';
import { loadStream } from '@invitations/event-store';
import { numberedPerson, numberedRow } from '@invitations/domain/testing';
import {
  CHUNKS_PER_APPEND,
  ChunksEncodedAhead,
  ROWS_PER_CHUNK,
  chunksFor,
  recordUploadPreview,
  type PreviewedRows,
} from './record-upload-preview';

const TOTAL = ROWS_PER_CHUNK * CHUNKS_PER_APPEND * 2 + 17; // three appends of rows, the last one short

function rowsOf(total: number): PreviewedRows & { built: number; forgotten: [number, number][] } {
  const rows = {
    length: total,
    built: 0,
    forgotten: [] as [number, number][],
    forgetPeople(start: number, end: number) {
      rows.forgotten.push([start, end]);
    },
    valuesSlice(start: number, end: number): UploadRowValues[] {
      const slice: UploadRowValues[] = [];
      for (let index = start; index < Math.min(end, total); index += 1) {
        slice.push(toRowValues(numberedRow(index + 1, { person: numberedPerson(index) })));
      }
      rows.built = Math.max(rows.built, slice.length);
      return slice;
    },
  };
  return rows;
}

const command = (sha: string): RecordUploadPreview => ({
  type: 'RecordUploadPreview',
  uploadId: 'upload-1',
  batch: { batchId: 'b1', poolId: 'p1', organisationId: 'org' },
  cohort: { staffType: null, jobRole: null, startDate: null },
  totalRows: TOTAL,
  newCount: TOTAL,
  existingCount: 0,
  invalidCount: 0,
  duplicateCount: 0,
  chunks: chunksFor(TOTAL),
  fileSha256: sha,
  now: '2026-11-22T10:00:00.000Z',
  expiresAt: '2026-11-23T10:00:00.000Z',
});
const context = {
  organisationId: 'org',
  actor: 'alice',
  correlationId: 'corr',
  commandId: 'command-1',
  now: new Date('2026-11-22T10:00:00.000Z'),
};

/** A store that fails its n-th append, as a process killed between two appends would leave the log. */
function failingOnAppend(store: EventStore, n: number): EventStore {
  let appends = 0;
  return Object.assign(Object.create(store) as EventStore, {
    append(streamId: string, events: readonly NewEvent[], expected: Parameters<EventStore['append']>[2]) {
      appends += 1;
      if (appends === n) return Promise.reject(new Error('killed'));
      return store.append(streamId, events, expected);
    },
  });
}

describe('recordUploadPreview', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let store: EmbeddedEventStore;
  beforeEach(async () => {
    dir = await aTempDirectory();
    store = await EmbeddedEventStore.open(dir.path);
  });
  afterEach(async () => {
    await store.close();
    await dir.remove();
  });

  const recorded = async () => {
    const { state, events } = await loadStream(store, uploadStreamId('upload-1'), uploadDecider);
    return { state, events, rows: collectUploadRows(events) };
  };

  it('records the preview, then every row once, in order, a few chunks per append', async () => {
    const rows = rowsOf(TOTAL);
    const state = await recordUploadPreview(store, command('aa'), rows, context);
    expect(state).toMatchObject({ status: 'previewed', chunksRecorded: chunksFor(TOTAL) });
    const { events, rows: read } = await recorded();
    expect(events.map((e) => e.type)).toEqual([
      'UploadPreviewed',
      ...Array.from({ length: chunksFor(TOTAL) }, () => 'UploadRowsRecorded'),
    ]);
    expect(read.map((r) => r.row)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    // Never more than one append's rows built at once.
    expect(rows.built).toBe(ROWS_PER_CHUNK);
    expect(new Set(events.map((e) => e.metadata.correlationId))).toEqual(new Set(['corr']));
  });

  it('after a crash between appends, the upload cannot be confirmed; a retry completes it with no duplicates', async () => {
    await expect(
      recordUploadPreview(failingOnAppend(store, 3), command('aa'), rowsOf(TOTAL), context),
    ).rejects.toThrow('killed');
    const cut = await recorded();
    expect(cut.state).toMatchObject({ chunksRecorded: CHUNKS_PER_APPEND });
    expect(() =>
      uploadDecider.decide(
        {
          type: 'StartUploadConfirmation',
          sendInvitations: false,
          message: null,
          now: context.now.toISOString(),
        },
        cut.state,
      ),
    ).toThrow('not completely recorded');

    await recordUploadPreview(store, command('aa'), rowsOf(TOTAL), context);
    const { rows, events } = await recorded();
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(events.filter((e) => e.type === 'UploadPreviewed')).toHaveLength(1);
    expect(
      uploadDecider.decide(
        {
          type: 'StartUploadConfirmation',
          sendInvitations: false,
          message: null,
          now: context.now.toISOString(),
        },
        (await recorded()).state,
      ),
    ).toMatchObject([{ type: 'UploadConfirmationStarted', data: { total: TOTAL, fromChunk: 0 } }]);
  });

  it('a retry of a complete recording writes nothing more', async () => {
    await recordUploadPreview(store, command('aa'), rowsOf(TOTAL), context);
    const head = await store.headPosition();
    await recordUploadPreview(store, command('aa'), rowsOf(TOTAL), context);
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a retry that sends another file (same upload id, another SHA-256) with CONFLICT', async () => {
    await recordUploadPreview(store, command('aa'), rowsOf(TOTAL), context);
    const refused = recordUploadPreview(store, command('bb'), rowsOf(TOTAL), context);
    await expect(refused).rejects.toBeInstanceOf(ServiceError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('writes the chunks encoded ahead as they are (the last, partial one built then), the same events as without', async () => {
    const rows = rowsOf(TOTAL);
    const ahead = new ChunksEncodedAhead();
    // Classified in three steps, the first ending mid-chunk: only whole chunks are encoded ahead. The second step's
    // batch holds its people for chunks 2 to 11 (rows 2000 to 12000): those are built from them.
    const slices = jest.spyOn(rows, 'valuesSlice');
    ahead.classified(rows, ROWS_PER_CHUNK + 500);
    ahead.classified(rows, ROWS_PER_CHUNK * 12, {
      start: ROWS_PER_CHUNK * 2,
      people: { length: ROWS_PER_CHUNK * 10 } as never,
    });
    ahead.classified(rows, TOTAL);
    expect(
      slices.mock.calls.filter((call) => call[2] !== undefined).map((call) => call[0] / ROWS_PER_CHUNK),
    ).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    slices.mockRestore();
    const built = jest.spyOn(rows, 'valuesSlice');
    await recordUploadPreview(store, command('aa'), rows, context, ahead);
    // Only the last chunk, of 17 rows, was built while recording.
    expect(built.mock.calls).toEqual([
      [(chunksFor(TOTAL) - 1) * ROWS_PER_CHUNK, chunksFor(TOTAL) * ROWS_PER_CHUNK],
    ]);
    // Given once: nothing is held after recording.
    expect(ahead.take(0)).toBeUndefined();
    // The rows let go of each chunk once it was encoded.
    expect(rows.forgotten).toEqual(
      Array.from({ length: chunksFor(TOTAL) - 1 }, (_, chunk) => [
        chunk * ROWS_PER_CHUNK,
        (chunk + 1) * ROWS_PER_CHUNK,
      ]),
    );

    const withAhead = await recorded();
    const otherDir = await aTempDirectory();
    const other = await EmbeddedEventStore.open(otherDir.path);
    try {
      await recordUploadPreview(other, command('aa'), rowsOf(TOTAL), context);
      const plain = await loadStream(other, uploadStreamId('upload-1'), uploadDecider);
      expect(withAhead.events.map(({ id, type, data }) => ({ id, type, data }))).toEqual(
        plain.events.map(({ id, type, data }) => ({ id, type, data })),
      );
    } finally {
      await other.close();
      await otherDir.remove();
    }
  });
});
