import { ReadinessLog } from './readiness-log';

describe('readiness changes, as operators read them', () => {
  it('warns once when readiness is lost, naming the failing checks, and says when it is back; no stack', () => {
    const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const readiness = new ReadinessLog(logger);
    const down = {
      status: 'error' as const,
      info: {},
      error: { eventStore: { status: 'down' as const, message: 'timeout' } },
      details: {},
    };
    readiness.up();
    readiness.down(down);
    readiness.down(down);
    readiness.up();
    readiness.up();
    expect(logger.warn.mock.calls).toEqual([['not ready: eventStore (timeout)']]);
    expect(logger.log.mock.calls).toEqual([['ready again']]);
    expect(logger.error).not.toHaveBeenCalled();
  });
});
