import { normaliseMobile, parseDateOfBirth, validatePerson, type PersonInput } from './validate-person';

const rules = { defaultRegion: 'AU', maxFieldLength: 256, today: '2026-11-22' };
const valid: PersonInput = {
  email: '  Zoe.OBrien@Example.COM ',
  dateOfBirth: '1990-04-30',
  firstName: ' Zoë ',
  middleNames: 'Anne Marie',
  lastName: "O'Brien",
  preferredName: '',
  mobile: '0412 345 678',
  jobRole: 'Rigger',
};

describe('validatePerson', () => {
  it('normalises a valid person: email trimmed and lower-cased, mobile in E.164, empty values null', () => {
    const result = validatePerson(valid, rules);
    expect(result).toEqual({
      ok: true,
      person: {
        email: 'zoe.obrien@example.com',
        dateOfBirth: '1990-04-30',
        firstName: 'Zoë',
        middleNames: 'Anne Marie',
        lastName: "O'Brien",
        preferredName: null,
        mobile: '+61412345678',
        jobRole: 'Rigger',
      },
    });
  });

  it('folds names to NFC: a decomposed "é" (e and a combining accent) becomes the one character', () => {
    const decomposed = 'Rene\u0301e';
    const result = validatePerson({ ...valid, firstName: decomposed, lastName: ` ${decomposed} ` }, rules);
    expect(result.ok && [result.person.firstName, result.person.lastName]).toEqual([
      'Ren\u00e9e',
      'Ren\u00e9e',
    ]);
    expect(validatePerson({ ...valid, firstName: 'Plain ASCII' }, rules)).toMatchObject({
      person: { firstName: 'Plain ASCII' },
    });
  });

  it('reports every problem at once, by field', () => {
    const result = validatePerson(
      { email: 'not-an-email', dateOfBirth: '2001-02-30', mobile: '12', firstName: 'x'.repeat(257) },
      rules,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['dateOfBirth', 'email', 'firstName', 'mobile']);
  });

  it('requires an email and a date of birth', () => {
    const result = validatePerson({ email: ' ', dateOfBirth: null }, rules);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'email', message: 'is required' },
        { field: 'dateOfBirth', message: 'is required' },
      ],
    });
  });

  it('refuses a date of birth in the future', () => {
    const result = validatePerson({ ...valid, dateOfBirth: '2026-11-23' }, rules);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'dateOfBirth', message: 'must not be in the future' }],
    });
  });

  it('does not require names (that depends on the passport check)', () => {
    expect(validatePerson({ email: 'a@b.co', dateOfBirth: '1980-01-01' }, rules).ok).toBe(true);
  });
});

describe('parseDateOfBirth', () => {
  it.each([
    ['1990-04-30', '1990-04-30'],
    ['30/04/1990', '1990-04-30'],
    ['1/2/1990', '1990-02-01'],
    ['2000-02-29', '2000-02-29'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/1900', '1900-12-31'],
  ])('reads %s as %s', (input, expected) => expect(parseDateOfBirth(input)).toBe(expected));

  it.each([
    '1990-02-30',
    '31/04/1990',
    '1999-02-29',
    '1900-02-29',
    '29/02/2100',
    '04/30/1990',
    '1990-4-30',
    '1990-00-10',
    '00/01/1990',
    '1990-13-01',
    'yesterday',
    '1850-01-01',
  ])('refuses %s', (input) => expect(parseDateOfBirth(input)).toBeNull());
});

describe('normaliseMobile', () => {
  it.each([
    ['+61412345678', '+61412345678'],
    ['+61 412-345-678', '+61412345678'],
    ['0412 345 678', '+61412345678'],
    ['61412345678', '+61412345678'], // Excel dropped the leading +
    ['412345678', '+61412345678'], // Excel dropped the leading 0
    ['+44 7911 123456', '+447911123456'],
  ])('normalises %s to %s', (input, expected) => expect(normaliseMobile(input, 'AU')).toBe(expected));

  it.each(['12', '+61 2 9876 5432' /* a landline */, 'call me', '04123456789999'])('refuses %s', (input) =>
    expect(normaliseMobile(input, 'AU')).toBeNull(),
  );
});
