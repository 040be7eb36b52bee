import { itAnswers } from '@invitations/kernel/testing';
import { isScientificNumber, spreadsheetDate } from './spreadsheet-values';

describe('spreadsheetDate', () => {
  itAnswers(
    spreadsheetDate,
    [
      ['33312', '1991-03-15'],
      ['33312.0', '1991-03-15'],
      ['14-Mar-1991', '1991-03-14'],
      ['4-mar-1991', '1991-03-04'],
      ['14 March 1991', '1991-03-14'],
      ['3-Sept-1991', '1991-09-03'],
      ['31-Feb-1991', '1991-02-31'],
    ],
    'reads %j as %j (the rules then check it is a real date)',
  );

  it.each(['1991-03-14', '14/03/1991', '1991', '3331', '333120', '14-Foo-1991', '14-Mar-91', '', 'never'])(
    'leaves %j as it is',
    (value) => {
      expect(spreadsheetDate(value)).toBeNull();
    },
  );
});

describe('isScientificNumber', () => {
  it.each(['4.12345678E+08', '6.14123E+10', '4,12E+08', '1e21', ' 4.1E8 '])('knows %j', (value) => {
    expect(isScientificNumber(value)).toBe(true);
  });

  it.each(['0412 345 678', '+61412345678', 'Ext 4', 'E+08', ''])('is not fooled by %j', (value) => {
    expect(isScientificNumber(value)).toBe(false);
  });
});
