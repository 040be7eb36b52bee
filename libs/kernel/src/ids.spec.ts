import { v5 as uuidv5 } from 'uuid';
import { deriveId } from './ids';

describe('deriveId', () => {
  it('gives the same v5 UUIDs as before it took the namespace as bytes (every id in existing logs derives so)', () => {
    const namespace = '3f1c2a9e-7d4b-4c61-9a57-1b2f0e8d6c45';
    const cases = [
      ['event-1', 'message', 'email'],
      ['bench-passport', '00000000-0000-4000-8000-000000000001'],
      ['Zoë', 'Nguyễn', 'Łukasz', '😀'],
      [''],
    ];
    for (const parts of cases) expect(deriveId(...parts)).toBe(uuidv5(parts.join('\u001f'), namespace));
    expect(deriveId('a', 'b')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(deriveId('a', 'b')).not.toBe(deriveId('a', 'c'));
  });
});
