import { collectUploadRows, fromRowValues, toRowValues } from './upload-rows';
import { UPLOAD_ROW_COLUMNS, type UploadRow } from './upload.events';

const row = (n: number, overrides: Partial<UploadRow> = {}): UploadRow => ({
  row: n,
  person: {
    email: `p${n}@example.com`,
    dateOfBirth: '1990-01-01',
    firstName: 'Zoë',
    middleNames: null,
    lastName: "O'Brien",
    preferredName: null,
    mobile: '+61412345678',
    jobRole: 'Nurse',
  },
  uploadStatus: 'EXISTING',
  discrepancies: ['MOBILE'],
  passportId: 'pp-1',
  duplicateReasons: ['EMAIL_REPEATED_IN_FILE'],
  possibleDuplicate: true,
  ...overrides,
});

describe('upload rows', () => {
  it('lists a row as its values in column order, and reads it back whole', () => {
    const values = toRowValues(row(7));
    expect(values).toHaveLength(UPLOAD_ROW_COLUMNS.length);
    expect(values.slice(0, 3)).toEqual([7, 'p7@example.com', '1990-01-01']);
    expect(fromRowValues(values)).toEqual(row(7));
  });

  it('collects the rows of every chunk in order, in either form of the event, and ignores the other events', () => {
    const rows = collectUploadRows([
      { type: 'UploadPreviewed', data: { chunks: 3 } },
      // Recorded before rows were listed as values: objects, no columns.
      { type: 'UploadRowsRecorded', data: { chunk: 0, rows: [row(1), row(2)] } },
      {
        type: 'UploadRowsRecorded',
        data: { chunk: 1, columns: UPLOAD_ROW_COLUMNS, rows: [toRowValues(row(3))] },
      },
      {
        type: 'UploadRowsRecorded',
        data: {
          chunk: 2,
          columns: UPLOAD_ROW_COLUMNS,
          rows: [toRowValues(row(4, { possibleDuplicate: false }))],
        },
      },
      { type: 'UploadConfirmed', data: {} },
    ]);
    expect(rows).toEqual([row(1), row(2), row(3), row(4, { possibleDuplicate: false })]);
  });

  it('refuses columns it does not know rather than misreading them', () => {
    const columns = [...UPLOAD_ROW_COLUMNS].reverse();
    expect(() =>
      collectUploadRows([{ type: 'UploadRowsRecorded', data: { chunk: 0, columns, rows: [] } }]),
    ).toThrow('unknown columns');
  });
});
