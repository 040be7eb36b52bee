import { JsonLogger, nestLevels } from './json-log';
import { capturedLog as capture } from './testing/captured-log';

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

  it('writes the fields a line is given, its request among them, at every level', () => {
    const { lines, log } = capture();
    new JsonLogger(log).warn({ msg: 'slow lookup', reqId: 'req-7' }, 'Uploads');
    new JsonLogger(log).error(
      { msg: 'it broke', reqId: 'req-8', stack: 'Error: it broke\n    at x' },
      'Errors',
    );
    new JsonLogger(log).log('outside any request', 'Gateway');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', reqId: 'req-7', context: 'Uploads', msg: 'slow lookup' }),
      expect.objectContaining({
        level: 'error',
        reqId: 'req-8',
        context: 'Errors',
        msg: 'it broke',
        stack: expect.stringMatching(/at x/),
      }),
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
