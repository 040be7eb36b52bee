import type { PersonDetails } from '@invitations/domain';
import type { UploadRow } from '@invitations/domain';
import { classifyUpload } from './classify-upload';
import { IN_MEMORY_ORGANISATION, InMemoryUploadLookups } from './in-memory-upload-lookups';
import { PackedPeople } from '@invitations/uploads';
import { rejectionOf, zoe as person, zoePassport as passport } from '@invitations/uploads/testing';
import { toRowValues } from '@invitations/domain';

const POOL = 'pool-1';

function packed(...people: (PersonDetails | null)[]): PackedPeople {
  const packedPeople = new PackedPeople();
  // Each on the line of its 1-based position: these cases are about classification, not line numbers.
  for (const one of people) packedPeople.push(one, packedPeople.length + 1);
  return packedPeople;
}

async function classify(
  people: (PersonDetails | null)[],
  lookups = new InMemoryUploadLookups(),
  batchSize?: number,
) {
  const { rows, errors } = await classifyUpload(
    packed(...people),
    { poolId: POOL, organisationId: IN_MEMORY_ORGANISATION, lookupBatchSize: batchSize },
    lookups,
  );
  return { rows: [...rows], errors: errors.errors, lookups };
}

const summary = (row: UploadRow) => ({
  row: row.row,
  status: row.uploadStatus,
  reasons: row.duplicateReasons,
});

describe('classifyUpload', () => {
  it('lets go of the people of rows a preview does not list, keeping duplicates and possible duplicates', async () => {
    const lookups = new InMemoryUploadLookups([
      passport({ passportId: 'other', email: 'other@example.com', firstName: 'Ana', lastName: 'Silva' }),
    ]).takeSeat('another-pool', 'other@example.com');
    const { rows } = await classifyUpload(
      packed(
        person({ email: 'a@example.com' }),
        null,
        person({ email: 'a@example.com' }),
        person({ email: 'ana@example.com', firstName: 'Ana', lastName: 'Silva' }),
        person({ email: 'b@example.com' }),
      ),
      { poolId: POOL, organisationId: IN_MEMORY_ORGANISATION },
      lookups,
    );
    const before = rows.valuesSlice(0, rows.length);
    rows.forgetPeople(0, 4);
    expect(() => rows.personAt(0)).toThrow('The details of the row on line 1 were let go.');
    expect(rows.personAt(1)).toBeNull();
    expect(rows.personAt(2)?.email).toBe('a@example.com');
    expect(rows.personAt(3)?.email).toBe('ana@example.com');
    // Past the range, and the classification of every row, stay.
    expect(rows.valuesSlice(4, 5)).toEqual(before.slice(3));
    expect([0, 2, 3, 4].map((index) => rows.statusAt(index))).toEqual(['NEW', 'NEW', 'NEW', 'NEW']);
  });

  it('tells, batch by batch in file order, up to which row the rows are classified for good', async () => {
    const people = Array.from({ length: 25 }, (_, i) => person({ email: `p${i}@example.com` }));
    const told: { end: number; values: unknown[]; fromBatch: unknown[]; start: number }[] = [];
    const { rows } = await classifyUpload(
      packed(...people),
      {
        poolId: POOL,
        lookupBatchSize: 10,
        onClassified: (classified, end, batch) =>
          told.push({
            end,
            start: batch.start,
            values: classified.valuesSlice(0, end),
            // The batch's people, as unpacked for it, give the same values as unpacking them again.
            fromBatch: classified.valuesSlice(batch.start, end, (index) => batch.people[index - batch.start]),
          }),
      },
      new InMemoryUploadLookups(),
    );
    expect(told.map(({ start, end }) => [start, end])).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
    // What was told is what the rows are in the end.
    for (const { start, end, values, fromBatch } of told) {
      expect(values).toEqual(rows.valuesSlice(0, end));
      expect(fromBatch).toEqual(rows.valuesSlice(start, end));
    }
  });

  it('gives every row as values in the order UploadRowsRecorded lists them, the same as the row objects', async () => {
    const { rows } = await classifyUpload(
      packed(
        person({ mobile: '+61412345678', jobRole: 'Cook' }),
        null,
        person({ email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', middleNames: 'May' }),
        person({ mobile: '+61412345678', preferredName: 'Zo' }),
      ),
      { poolId: POOL },
      new InMemoryUploadLookups([passport()]),
    );
    const values = rows.valuesSlice(0, rows.length);
    expect(values.map((row) => row[0])).toEqual([1, 3, 4]);
    expect(values).toEqual([...rows].map(toRowValues));
    expect(rows.valuesSlice(1, 3)).toEqual(values.slice(1, 2));
  });

  describe('upload status against the passports', () => {
    it('is NEW without a passport, EXISTING when every given detail matches, INVALID when one differs', async () => {
      const lookups = new InMemoryUploadLookups([
        passport(),
        passport({ passportId: 'passport-jose', email: 'jose@example.com', firstName: 'José', mobile: null }),
      ]);

      const { rows, errors } = await classify(
        [
          person({ email: 'new@example.com', firstName: 'Ana', lastName: 'Silva' }),
          person({ firstName: null, lastName: null, mobile: '+61412345678' }),
          person({ email: 'jose@example.com', firstName: 'José', dateOfBirth: '1991-07-15' }),
        ],
        lookups,
      );

      expect(errors).toEqual([]);
      expect(
        rows.map(({ row, uploadStatus, discrepancies, passportId }) => ({
          row,
          uploadStatus,
          discrepancies,
          passportId,
        })),
      ).toEqual([
        { row: 1, uploadStatus: 'NEW', discrepancies: [], passportId: null },
        { row: 2, uploadStatus: 'EXISTING', discrepancies: [], passportId: 'passport-zoe' },
        { row: 3, uploadStatus: 'INVALID', discrepancies: ['DATE_OF_BIRTH'], passportId: 'passport-jose' },
      ]);
    });

    it('skips rows that failed validation', async () => {
      const { rows } = await classify([null, person()]);

      expect(rows.map((row) => row.row)).toEqual([2]);
    });
  });

  describe('names', () => {
    it('are required on NEW rows only, each missing one listed by row and column', async () => {
      const lookups = new InMemoryUploadLookups([passport()]);

      const { errors } = await classify(
        [
          person({ email: 'new@example.com', firstName: null, lastName: '  ' }),
          person({ firstName: null, lastName: null }),
          person({ email: 'other@example.com', lastName: null }),
        ],
        lookups,
      );

      expect(errors).toEqual([
        { row: 1, field: 'first_name', message: expect.stringContaining('required') },
        { row: 1, field: 'last_name', message: expect.stringContaining('required') },
        { row: 3, field: 'last_name', message: expect.stringContaining('required') },
      ]);
    });

    it('are not required on a duplicate, which confirming skips', async () => {
      const { errors } = await classify([person(), person({ firstName: null, lastName: null })]);

      expect(errors).toEqual([]);
    });
  });

  describe('duplicates', () => {
    it('keeps the first row of an email and reports every later one as EMAIL_REPEATED_IN_FILE', async () => {
      const { rows } = await classify([person(), person({ email: 'jose@example.com' }), person(), person()]);

      expect(rows.map(summary)).toEqual([
        { row: 1, status: 'NEW', reasons: [] },
        { row: 2, status: 'NEW', reasons: [] },
        { row: 3, status: 'NEW', reasons: ['EMAIL_REPEATED_IN_FILE'] },
        { row: 4, status: 'NEW', reasons: ['EMAIL_REPEATED_IN_FILE'] },
      ]);
    });

    it('keeps the first row of a mobile and reports later ones as MOBILE_REPEATED_IN_FILE', async () => {
      const { rows } = await classify([
        person({ mobile: '+61412345678' }),
        person({ email: 'jose@example.com', mobile: '+61412345678' }),
        person({ email: 'ana@example.com', mobile: '+61412345679' }),
      ]);

      expect(rows.map((row) => row.duplicateReasons)).toEqual([[], ['MOBILE_REPEATED_IN_FILE'], []]);
    });

    it('reports as ALREADY_IN_POOL a person whose email or mobile holds a seat in this pool, not in another', async () => {
      const lookups = new InMemoryUploadLookups()
        .takeSeat(POOL, 'zoe@example.com')
        .takeSeat(POOL, 'someone@example.com', '+61412345679')
        .takeSeat('another-pool', 'ana@example.com');

      const { rows } = await classify(
        [
          person(),
          person({ email: 'jose@example.com', mobile: '+61412345679' }),
          person({ email: 'ana@example.com' }),
        ],
        lookups,
      );

      expect(rows.map((row) => row.duplicateReasons)).toEqual([['ALREADY_IN_POOL'], ['ALREADY_IN_POOL'], []]);
    });

    it('reports as MOBILE_BELONGS_TO_OTHER_PASSPORT a mobile of a passport under another email', async () => {
      const lookups = new InMemoryUploadLookups([
        passport({ email: 'zoe.old@example.com', mobile: '+61412345678' }),
      ]);

      const { rows } = await classify([person({ mobile: '+61412345678' })], lookups);

      expect(rows[0].duplicateReasons).toEqual(['MOBILE_BELONGS_TO_OTHER_PASSPORT']);
    });

    it('lists every reason that holds, in the contract order', async () => {
      const lookups = new InMemoryUploadLookups([passport({ email: 'zoe.old@example.com' })]).takeSeat(
        POOL,
        'zoe@example.com',
      );

      const { rows } = await classify(
        [person({ mobile: '+61412345678' }), person({ mobile: '+61412345678' })],
        lookups,
      );

      expect(rows[1].duplicateReasons).toEqual([
        'EMAIL_REPEATED_IN_FILE',
        'MOBILE_REPEATED_IN_FILE',
        'ALREADY_IN_POOL',
        'MOBILE_BELONGS_TO_OTHER_PASSPORT',
      ]);
    });
  });

  describe('possible duplicates', () => {
    it('flags a row whose names and date of birth match a passport under another email, ignoring case and accents', async () => {
      const lookups = new InMemoryUploadLookups([
        passport({ email: 'zoe.work@example.com', firstName: 'ZOE', lastName: 'nguyen', mobile: null }),
      ]).takeSeat('another-pool-of-the-organisation', 'zoe.work@example.com');

      const { rows, errors } = await classify(
        [person(), person({ email: 'zoe2@example.com', dateOfBirth: '1990-07-16' })],
        lookups,
      );

      expect(errors).toEqual([]);
      expect(rows.map((row) => [row.uploadStatus, row.possibleDuplicate, row.duplicateReasons])).toEqual([
        ['NEW', true, []],
        ['NEW', false, []],
      ]);
    });

    it("flags only against people the organisation has: another organisation's passport holder tells it nothing", async () => {
      const holder = passport({
        email: 'zoe.work@example.com',
        firstName: 'Zoe',
        lastName: 'Nguyen',
        mobile: null,
      });
      const elsewhere = new InMemoryUploadLookups([holder]).takeSeat(
        'their-pool',
        holder.email,
        null,
        'org-b',
      );
      const sameDates = [person(), person({ email: 'zoe3@example.com', dateOfBirth: '1990-07-16' })];

      const { rows } = await classify(sameDates, elsewhere);
      expect(rows.map((row) => row.possibleDuplicate)).toEqual([false, false]);

      const unknownToAll = await classify(sameDates, new InMemoryUploadLookups([holder]));
      expect(unknownToAll.rows.map((row) => row.possibleDuplicate)).toEqual([false, false]);
    });

    it('does not flag the passport of the same email', async () => {
      const { rows } = await classify([person()], new InMemoryUploadLookups([passport()]));

      expect(rows[0].possibleDuplicate).toBe(false);
    });
  });

  describe('lookups', () => {
    it('are batched, and repeats are found across batches', async () => {
      const people = Array.from({ length: 2500 }, (_, i) =>
        person({ email: `person${i}@example.com`, mobile: `+614123${String(i).padStart(5, '0')}` }),
      );
      people[2200] = person({ email: 'person3@example.com' });

      const { rows, lookups } = await classify(people, new InMemoryUploadLookups(), 1000);

      expect(lookups.stats.passportsByEmail).toEqual({ calls: 3, largestBatch: 1000 });
      expect(lookups.stats.poolSeatsTaken.calls).toBe(3);
      expect(lookups.stats.passportsByNameKey.largestBatch).toBeLessThanOrEqual(1000);
      expect(rows.filter((row) => row.duplicateReasons.length > 0).map((row) => row.row)).toEqual([2201]);
    });

    it('rejects when a lookup fails, whichever batch it was', async () => {
      const lookups = new InMemoryUploadLookups();
      let calls = 0;
      lookups.passportsByMobile = async () => {
        calls += 1;
        if (calls === 3) throw new Error('read store unreachable');
        return [];
      };
      const people = Array.from({ length: 50 }, (_, i) =>
        person({ email: `p${i}@example.com`, mobile: '+61412345678' }),
      );

      const error = await rejectionOf(
        classifyUpload(packed(...people), { poolId: POOL, lookupBatchSize: 10 }, lookups),
      );

      expect(error).toEqual(new Error('read store unreachable'));
    });
  });
});
