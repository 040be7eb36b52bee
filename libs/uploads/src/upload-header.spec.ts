import { cellsByColumn, readHeader } from './upload-header';
import { CSV_COLUMNS } from './template';

const header = (line: string) => {
  const reading = readHeader(line.split(','), 1);
  if (reading.errors) throw new Error(JSON.stringify(reading.errors));
  return reading.header;
};

describe('readHeader', () => {
  it.each([
    ['the template', CSV_COLUMNS.join(',')],
    [
      'as people write it',
      'Email,Date of Birth,First Name,Middle Names,Last Name,Preferred Name,Mobile,Job Role',
    ],
    ['other usual names', 'E-mail address,DOB,Given name,Other names,Surname,Known as,Phone,Job title'],
    [
      'with hints and marks',
      ' EMAIL* ,Date of birth (DD/MM/YYYY),first_name,MIDDLE-NAME,Family name,Nickname,Mobile No.,Role',
    ],
  ])('reads %s', (_, line) => {
    expect(header(line).columns).toEqual(CSV_COLUMNS);
  });

  it('reads columns in any order, without the optional ones, and maps each cell to its column', () => {
    const read = header('Surname,Email,DOB');

    expect(cellsByColumn(['Nguyễn', 'zoe@example.com', '1990-07-15'], read)).toEqual({
      email: 'zoe@example.com',
      date_of_birth: '1990-07-15',
      first_name: '',
      middle_names: '',
      last_name: 'Nguyễn',
      preferred_name: '',
      mobile: '',
      job_role: '',
    });
    expect(read.warnings).toEqual([]);
  });

  it('ignores unknown columns, a column named twice and a column without a heading, with a warning each', () => {
    const read = header('email,Notes,date_of_birth,,Phone,Mobile,,');

    expect(read.columns).toEqual(['email', null, 'date_of_birth', null, 'mobile', null]);
    expect(read.warnings).toEqual([
      'The column "Notes" (column 2) is not one the upload reads: it is ignored.',
      'The column 4 has no heading: it is ignored.',
      'The column "Mobile" (column 6) holds mobile again: it is ignored, column 5 is read.',
    ]);
  });

  it('refuses only a missing required column, naming a heading that would do, on the header line', () => {
    expect(readHeader(['First Name', 'Surname', 'Mobile'], 3)).toEqual({
      header: null,
      errors: [
        {
          row: 3,
          field: 'email',
          message: 'The header row has no column email (a heading such as "Email").',
        },
        {
          row: 3,
          field: 'date_of_birth',
          message: 'The header row has no column date_of_birth (a heading such as "Date of birth").',
        },
      ],
    });
  });

  it('shortens a long unknown heading it repeats', () => {
    const read = header(`email,dob,${'n'.repeat(100)}`);

    expect(read.warnings[0]).toBe(
      `The column "${'n'.repeat(39)}…" (column 3) is not one the upload reads: it is ignored.`,
    );
  });
});
