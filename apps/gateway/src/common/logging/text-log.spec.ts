import { asTextLine } from './text-log';

describe('a log line in text', () => {
  it('names the request beside the message, and keeps the stack apart', () => {
    const stack = 'Error: it broke\n    at resolve (invitees.resolver.ts:12:7)';
    expect(asTextLine({ msg: 'it broke', reqId: 'req-8', stack })).toEqual({
      message: 'it broke (request req-8)',
      stack,
    });
  });

  it('writes fields other than the message, the request and the stack as JSON after them', () => {
    expect(asTextLine({ msg: 'slow lookup', reqId: 'req-7', ms: 812 })).toEqual({
      message: 'slow lookup (request req-7) {"ms":812}',
    });
    expect(asTextLine({ msg: 'outside any request' })).toEqual({ message: 'outside any request' });
  });

  it('leaves a plain message, an error and an object without a message as they are', () => {
    const error = new Error('boom');
    expect(asTextLine('started')).toEqual({ message: 'started' });
    expect(asTextLine(error)).toEqual({ message: error });
    expect(asTextLine({ port: 3000 })).toEqual({ message: { port: 3000 } });
  });
});
