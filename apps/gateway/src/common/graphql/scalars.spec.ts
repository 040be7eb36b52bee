import fc from 'fast-check';
import { GraphQLError, Kind } from 'graphql';
import { DateScalar, DateTimeScalar } from './scalars';

/** A refusal of the client's input: BAD_USER_INPUT, never another error, never a crash. */
function expectInputError(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return;
  }
  throw new Error('expected a BAD_USER_INPUT refusal');
}

const REFUSED = Symbol('refused');

/** What `parse` makes of `value`, or REFUSED when it refuses it, as it must, with BAD_USER_INPUT. */
function parsedOrRefused(parse: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return parse(value);
  } catch {
    expectInputError(() => parse(value));
    return REFUSED;
  }
}

const days = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2199-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const instants = fc.date({
  min: new Date('0001-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('the Date scalar (property-based)', () => {
  it('keeps every real calendar date written YYYY-MM-DD, as a variable and as a literal', () => {
    fc.assert(
      fc.property(days, (day) => {
        const text = day.toISOString().slice(0, 10);
        expect(DateScalar.parseValue(text)).toBe(text);
        expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: text })).toBe(text);
        expect(DateScalar.serialize(text)).toBe(text);
      }),
    );
  });

  it('answers any other value with a real date or BAD_USER_INPUT, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.anything()), (value) => {
        const parsed = parsedOrRefused((input) => DateScalar.parseValue(input), value);
        if (parsed === REFUSED) return;
        expect(parsed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${parsed as string}T00:00:00Z`).toISOString().slice(0, 10)).toBe(parsed);
      }),
    );
  });

  it('refuses impossible days and literals that are not strings', () => {
    for (const value of ['1985-02-30', '2023-02-29', '1999-13-01', '1899-12-31', '01/02/1990', '']) {
      expectInputError(() => DateScalar.parseValue(value));
    }
    expectInputError(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '19900101' }));
  });
});

describe('the DateTime scalar (property-based)', () => {
  it('keeps every instant written as ISO-8601 with a zone, and answers it in UTC', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -14, max: 14 }), (instant, offsetHours) => {
        const utc = instant.toISOString();
        expect((DateTimeScalar.parseValue(utc) as Date).getTime()).toBe(instant.getTime());
        const shifted = new Date(instant.getTime() + offsetHours * 3_600_000).toISOString().replace('Z', '');
        const zone = `${offsetHours < 0 ? '-' : '+'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
        if (/^\d{4}-/.test(shifted)) {
          expect((DateTimeScalar.parseValue(`${shifted}${zone}`) as Date).getTime()).toBe(instant.getTime());
        }
        expect(DateTimeScalar.serialize(DateTimeScalar.parseValue(utc))).toBe(utc);
      }),
    );
  });

  it('answers any other value with an instant or BAD_USER_INPUT, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.anything(),
          instants.map((d) => d.toISOString().slice(0, 16)),
        ),
        (value) => {
          const parsed = parsedOrRefused((input) => DateTimeScalar.parseValue(input), value);
          if (parsed === REFUSED) return;
          expect(parsed).toBeInstanceOf(Date);
          expect(Number.isNaN((parsed as Date).getTime())).toBe(false);
        },
      ),
    );
  });

  it('refuses an instant without a zone, and what is not one', () => {
    for (const value of ['2026-11-22T09:30:00', '2026-11-22', 'yesterday', '2026-11-22T25:00:00Z']) {
      expectInputError(() => DateTimeScalar.parseValue(value));
    }
  });
});
