import fc from 'fast-check';
import { ServiceError } from '@invitations/kernel';
import { requireInvitationMessage } from '../invitee/invitation-message';
import { validatePerson } from '../person/validate-person';
import { given } from '../testing/given-when-then';
import { resourcePoolDecider } from '../resource-pool/resource-pool.decider';
import { freeTextProblem, requireFreeText } from './free-text';

/** Characters no free text may hold: the C0 and C1 controls, DEL, and the bidirectional formatting characters. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, code) => code),
  ...Array.from({ length: 0x21 }, (_, index) => 0x7f + index),
];
const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const FORBIDDEN = [...CONTROLS, ...BIDI].map((code) => String.fromCharCode(code));
const isForbidden = (char: string) => FORBIDDEN.includes(char);

/** Any text without a forbidden character: every script, emoji, combining marks. */
const cleanText = fc
  .string({ unit: 'grapheme', maxLength: 40 })
  .map((text) => [...text].filter((char) => !isForbidden(char)).join(''));

const codePointName = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

describe('free text (names, job roles, cohort fields, messages)', () => {
  it('keeps text in any script, with emoji and combining marks', () => {
    for (const text of [
      'Zoë Ngāti-Pōrou',
      '王秀英',
      'محمد',
      '🏥 Ward 7',
      'e\u0301',
      'O’Brien & Sons (Pty) Ltd',
    ]) {
      expect(freeTextProblem(text)).toBeNull();
    }
  });

  it.each([
    ['NUL', '\u0000', 'control characters (found U+0000)'],
    ['a line feed', 'a\nb', 'control characters (found U+000A)'],
    ['a carriage return', 'a\rb', 'control characters (found U+000D)'],
    ['a tab', 'a\tb', 'control characters (found U+0009)'],
    ['ESC', '\u001b[31m', 'control characters (found U+001B)'],
    ['DEL', 'a\u007f', 'control characters (found U+007F)'],
    ['a C1 control', 'a\u0085', 'control characters (found U+0085)'],
    [
      'a right-to-left override',
      'invoice\u202Etxt.exe',
      'bidirectional formatting characters (found U+202E)',
    ],
    ['a first-strong isolate', 'a\u2068b', 'bidirectional formatting characters (found U+2068)'],
    ['a right-to-left mark', 'a\u200fb', 'bidirectional formatting characters (found U+200F)'],
  ])('refuses %s in one-line text, naming the character', (_what, text, problem) => {
    expect(freeTextProblem(text)).toBe(`must not contain ${problem}`);
  });

  it('lets a message run over lines (LF, CRLF) and hold tabs, but nothing else of the kind', () => {
    const multiline = { multiline: true };
    expect(freeTextProblem('Hello,\n\nwelcome.\r\n\tThe team', multiline)).toBeNull();
    expect(freeTextProblem('a\rb', multiline)).toMatch(/U\+000D/);
    expect(freeTextProblem('a\u0000b', multiline)).toMatch(/U\+0000/);
    expect(freeTextProblem('a\u202eb', multiline)).toMatch(/bidirectional.*U\+202E/);
  });

  it('property: text without those characters is kept, one-line or not', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(freeTextProblem(text)).toBeNull();
        expect(freeTextProblem(text, { multiline: true })).toBeNull();
      }),
    );
  });

  it('property: one forbidden character anywhere in one-line text is refused, and named', () => {
    fc.assert(
      fc.property(cleanText, cleanText, fc.constantFrom(...FORBIDDEN), (before, after, bad) => {
        const problem = freeTextProblem(before + bad + after);
        expect(problem).toContain(codePointName(bad));
      }),
    );
  });

  it('property: requireFreeText answers the text or BAD_USER_INPUT with a field error, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        try {
          expect(requireFreeText('name', text)).toBe(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ServiceError);
          expect((error as ServiceError).code).toBe('BAD_USER_INPUT');
          expect((error as ServiceError).errors).toEqual([{ field: 'name', message: expect.any(String) }]);
        }
      }),
    );
  });

  it("is the rule of a pool's name (which reaches email subjects)", () => {
    const error = given(resourcePoolDecider, [])
      .when({
        type: 'CreateResourcePool',
        poolId: 'pool-0001',
        organisationId: 'org-0001',
        name: 'Nurses\r\nBcc: everyone@example.com',
        now: '2025-03-01T09:00:00.000Z',
      })
      .thenThrows('BAD_USER_INPUT');
    expect(error.errors).toEqual([{ field: 'name', message: expect.stringMatching(/control characters/) }]);
  });

  it("is the rule of an invitation's message", () => {
    expect(() => requireInvitationMessage('Welcome\u202e!')).toThrow(
      /message must not contain bidirectional/,
    );
    expect(requireInvitationMessage('Welcome,\nsee you Monday')).toBe('Welcome,\nsee you Monday');
  });

  it("is the rule of a person's names and job role, each named", () => {
    const result = validatePerson(
      {
        email: 'pat@example.com',
        dateOfBirth: '1990-01-01',
        firstName: 'Pat\u0000',
        middleNames: 'A\u202eB',
        lastName: 'Lee',
        preferredName: 'P\u0007',
        jobRole: 'Nurse\nManager',
      },
      { defaultRegion: 'AU', maxFieldLength: 256, today: '2025-03-01' },
    );
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.errors.map((e) => e.field);
    expect(fields).toEqual(['firstName', 'middleNames', 'preferredName', 'jobRole']);
  });
});
