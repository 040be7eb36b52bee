/**
 * A log line's fields (`{msg, reqId, stack}`, as the JSON log writes them) for Nest's text log (LOG_FORMAT=text, a
 * developer's terminal): the message with the request it concerns, and the stack apart, for Nest to print on lines
 * of its own. Anything else is the message as it is.
 */
export function asTextLine(message: unknown): { message: unknown; stack?: string } {
  if (typeof message !== 'object' || message === null || message instanceof Error || !('msg' in message)) {
    return { message };
  }
  const { msg, reqId, stack, ...others } = message as Record<string, unknown>;
  const parts = [String(msg)];
  if (typeof reqId === 'string') parts.push(`(request ${reqId})`);
  if (Object.keys(others).length > 0) parts.push(JSON.stringify(others));
  return { message: parts.join(' '), ...(typeof stack === 'string' ? { stack } : {}) };
}
