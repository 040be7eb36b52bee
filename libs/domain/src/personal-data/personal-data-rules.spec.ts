import { aPassport, aPerson } from '../testing/invitee-fixtures';
import { ERASED, erasedPerson } from './erased';
import { PERSONAL_DATA_RULES } from './personal-data-rules';

describe('the personal data rules', () => {
  it('keep an invitee event’s ids and classification clear, and erase the person', () => {
    const data = {
      inviteeId: 'i1',
      batchId: 'b1',
      person: aPerson(),
      uploadStatus: 'NEW',
      discrepancies: [],
    };
    const rule = PERSONAL_DATA_RULES.InviteeStaged;
    const clear = rule.clear(data);
    expect(clear).toEqual({ inviteeId: 'i1', batchId: 'b1', uploadStatus: 'NEW', discrepancies: [] });
    expect(rule.erased(clear)).toEqual({ ...clear, person: erasedPerson(), erased: true });
  });

  it('keep only a passport’s id clear', () => {
    const rule = PERSONAL_DATA_RULES.PassportCreated;
    const clear = rule.clear({ ...aPassport() });
    expect(clear).toEqual({ passportId: aPassport().passportId });
    expect(rule.erased(clear)).toMatchObject({
      email: ERASED,
      firstName: ERASED,
      mobile: null,
      erased: true,
    });
  });

  it('keep an upload chunk’s place clear, and read its rows as none once shredded', () => {
    const rule = PERSONAL_DATA_RULES.UploadRowsRecorded;
    const clear = rule.clear({ uploadId: 'u1', chunk: 3, columns: ['row'], rows: [[1]] });
    expect(clear).toEqual({ uploadId: 'u1', chunk: 3, columns: ['row'] });
    expect(rule.erased(clear)).toEqual({ ...clear, rows: [], erased: true });
  });
});
