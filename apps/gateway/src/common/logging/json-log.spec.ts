import { Writable } from 'node:stream';
import { JsonLogger, createServiceLog, nestLevels } from './json-log';
import { requestContext } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createServiceLog({ logging: { format: 'json', level: 'info' } }, destination) };
}

describe('the service log', () => {
  it('redacts the bearer token, cookies, idempotency keys and tokens wherever a line holds them', () => {
    const { lines, log } = capture();
    log.info(
      {
        req: {
          headers: {
            authorization: 'Bearer eyJhbGciOi.secret.sig',
            cookie: 'sid=1',
            'idempotency-key': 'k-1',
          },
        },
        invitation: { token: 'one-time-secret' },
      },
      'a request',
    );
    const written = JSON.stringify(lines);
    expect(written).not.toMatch(/eyJhbGciOi|sid=1|k-1|one-time-secret/);
    expect(lines[0]).toMatchObject({
      req: {
        headers: { authorization: '[redacted]', cookie: '[redacted]', 'idempotency-key': '[redacted]' },
      },
      invitation: { token: '[redacted]' },
    });
  });

  it('names the request being served on every line written meanwhile', () => {
    const { lines, log } = capture();
    requestContext.run({ requestId: 'req-7' }, () => new JsonLogger(log).warn('slow lookup', 'Uploads'));
    new JsonLogger(log).log('outside any request', 'Gateway');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', reqId: 'req-7', context: 'Uploads', msg: 'slow lookup' }),
      expect.not.objectContaining({ reqId: expect.anything() }),
    ]);
  });

  it("writes Nest's errors with their stack as a field, and the levels from LOG_LEVEL up", () => {
    const { lines, log } = capture();
    new JsonLogger(log).error('it broke', 'Error: it broke\n    at somewhere', 'Errors');
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'it broke',
      context: 'Errors',
      stack: /at somewhere/,
    });
    expect(nestLevels('warn')).toEqual(['warn', 'error', 'fatal']);
    expect(nestLevels('debug')).toEqual(['debug', 'log', 'warn', 'error', 'fatal']);
  });
});
