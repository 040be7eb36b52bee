import { collectUploadRows } from './upload-rows';
import type { UploadRow } from './upload.events';

const row = (n: number) => ({ row: n }) as UploadRow;

describe('collectUploadRows', () => {
  it('collects the rows of every chunk in order, and ignores the other events', () => {
    const rows = collectUploadRows([
      { type: 'UploadPreviewed', data: { chunks: 2 } },
      { type: 'UploadRowsRecorded', data: { chunk: 0, rows: [row(1), row(2)] } },
      { type: 'UploadRowsRecorded', data: { chunk: 1, rows: [row(3)] } },
      { type: 'UploadConfirmed', data: {} },
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });
});
