import { parseInstant } from './instant';
import { ndjson } from './ndjson';
import { formatRecord, formatTable } from './table';
import { isUsageError, UsageError } from './usage-error';

describe('formatTable', () => {
  it('pads every column but the last to its widest cell', () => {
    expect(
      formatTable(
        ['NAME', 'LAG'],
        [
          ['invitees', '0'],
          ['invitation-notifications', '12'],
        ],
      ),
    ).toBe(
      ['NAME                      LAG', 'invitees                  0', 'invitation-notifications  12'].join(
        '\n',
      ),
    );
  });

  it('aligns the values of a record', () => {
    expect(
      formatRecord([
        ['state', 'INVITED'],
        ['autoAccepted', 'false'],
      ]),
    ).toBe('state         INVITED\nautoAccepted  false');
  });
});

describe('parseInstant', () => {
  it('takes ISO-8601 instants with a zone, and dates as their start in UTC', () => {
    expect(parseInstant('2025-03-14T09:30:00Z', '--as-of').toISOString()).toBe('2025-03-14T09:30:00.000Z');
    expect(parseInstant('2025-03-14T09:30:00.250+10:00', '--as-of').toISOString()).toBe(
      '2025-03-13T23:30:00.250Z',
    );
    expect(parseInstant('2025-03-14', '--from').toISOString()).toBe('2025-03-14T00:00:00.000Z');
  });

  it.each(['yesterday', '2025-03-14T09:30:00', '2025-02-30', '14/03/2025', ''])(
    'refuses "%s" as a usage error',
    (value) => {
      expect(() => parseInstant(value, '--as-of')).toThrow(UsageError);
      expect(() => parseInstant(value, '--as-of')).toThrow(/--as-of must be an ISO-8601 instant/);
    },
  );
});

describe('ndjson', () => {
  async function* chunks(...parts: string[]) {
    for (const part of parts) yield new TextEncoder().encode(part);
  }
  const all = async (iterable: AsyncIterable<unknown>) => {
    const values: unknown[] = [];
    for await (const value of iterable) values.push(value);
    return values;
  };

  it('parses lines split anywhere across chunks, multi-byte characters included', async () => {
    const text = '{"progress":{"events":1}}\n\n{"result":{"name":"Zoë"}}\n';
    const bytes = new TextEncoder().encode(text);
    const split = [bytes.subarray(0, 7), bytes.subarray(7, 44), bytes.subarray(44)];
    async function* source() {
      yield* split;
    }

    expect(await all(ndjson(source()))).toEqual([{ progress: { events: 1 } }, { result: { name: 'Zoë' } }]);
  });

  it('takes a last line without a newline', async () => {
    expect(await all(ndjson(chunks('{"a":1}\n{"b"', ':2}')))).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

describe('usage errors', () => {
  it("are ours and node's parseArgs errors, not others", () => {
    expect(isUsageError(new UsageError('x'))).toBe(true);
    expect(
      isUsageError(Object.assign(new TypeError('Unknown option'), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' })),
    ).toBe(true);
    expect(isUsageError(new Error('connection refused'))).toBe(false);
  });
});
