import { createHash } from 'node:crypto';
import { digestingSource } from './file-digest';

describe('digestingSource', () => {
  it('passes the bytes through unchanged and digests all of them', async () => {
    async function* chunks() {
      yield Buffer.from('email,date_of_birth\r\n');
      yield 'ann@example.com,1990-01-01\r\n';
    }
    const digested = digestingSource(chunks());
    const seen: string[] = [];
    for await (const chunk of digested.source) seen.push(chunk.toString());
    const whole = 'email,date_of_birth\r\nann@example.com,1990-01-01\r\n';
    expect(seen.join('')).toBe(whole);
    expect(digested.sha256()).toBe(createHash('sha256').update(whole).digest('hex'));
    expect(digested.sha256()).toBe(digested.sha256());
  });
});
