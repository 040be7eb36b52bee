import { EsdbEventStore } from './esdb-event-store';

/**
 * The adapter on the real client, with no server: port 1 of the loopback refuses connections. What it must do
 * then is fail, promptly and through the port's channels, rather than hang.
 */
describe('EsdbEventStore without a reachable server', () => {
  const unreachable = () =>
    EsdbEventStore.fromConnectionString('kurrentdb://127.0.0.1:1?tls=false', {
      pingTimeoutMs: 2_000,
      reconnect: { initialDelayMs: 5, maxDelayMs: 10, maxAttempts: 2 },
    });

  it('fails ping and reads', async () => {
    const store = unreachable();
    await expect(store.ping()).rejects.toThrow(/UNAVAILABLE|ECONNREFUSED/);
    await expect(store.streamRevision('invitee-1')).rejects.toThrow();
    await store.close();
  });

  it('gives a subscription up after its reconnection attempts, through onError, never saying it caught up', async () => {
    const store = unreachable();
    const onCaughtUp = jest.fn();
    const error = await new Promise<Error>((resolve) => {
      store.subscribeToAll(() => undefined, { onError: resolve, onCaughtUp });
    });
    expect(error.message).toMatch(/UNAVAILABLE|ECONNREFUSED/);
    expect(onCaughtUp).not.toHaveBeenCalled();
    await store.close();
  });

  it('refuses a connection string of another kind before connecting', () => {
    expect(() => EsdbEventStore.fromConnectionString('mongodb://127.0.0.1:1')).toThrow(/esdb:\/\//);
  });
});
