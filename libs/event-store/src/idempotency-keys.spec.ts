import { ServiceError } from '@invitations/kernel';
import { claimIdempotencyKey, idempotencyKeyStreamId } from './idempotency-keys';
import { InMemoryEventStore } from './testing/in-memory-event-store';

const context = {
  organisationId: 'org-1',
  actor: 'ann',
  correlationId: 'req-1',
  now: new Date('2026-01-01'),
};
const claim = (fingerprint: string, operation = 'createResourcePool') => ({
  scope: 'org-1',
  key: 'key-1',
  operation,
  fingerprint,
});

describe('idempotency keys', () => {
  it('lets the same request claim its key again (a retry), recording the claim once', async () => {
    const store = new InMemoryEventStore();
    await claimIdempotencyKey(store, claim('f1'), context);
    await claimIdempotencyKey(store, claim('f1'), context);
    const events = [];
    for await (const event of store.readStream(idempotencyKeyStreamId('org-1', 'key-1'))) events.push(event);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'IdempotencyKeyClaimed',
      data: { operation: 'createResourcePool', fingerprint: 'f1' },
    });
  });

  it('refuses another request with the key, naming the key and the first operation', async () => {
    const store = new InMemoryEventStore();
    await claimIdempotencyKey(store, claim('f1'), context);
    await expect(claimIdempotencyKey(store, claim('f2'), context)).rejects.toThrow(
      'Idempotency-Key "key-1" was already used for another request (createResourcePool with other input)',
    );
    await expect(
      claimIdempotencyKey(store, claim('f3', 'createInvitationBatch'), context),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'Idempotency-Key', message: expect.stringMatching(/\(createResourcePool\)/) }],
    });
  });

  it('gives one winner when two requests claim the key at once', async () => {
    const store = new InMemoryEventStore();
    const outcomes = await Promise.allSettled([
      claimIdempotencyKey(store, claim('f1'), context),
      claimIdempotencyKey(store, claim('f2'), context),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ServiceError);
  });

  it('keeps keys of different organisations apart, and no key in a stream id', () => {
    expect(idempotencyKeyStreamId('org-1', 'key-1')).not.toBe(idempotencyKeyStreamId('org-2', 'key-1'));
    expect(idempotencyKeyStreamId('org-1', 'my-secret-key')).toMatch(/^idempotency-key-[0-9a-f]{64}$/);
  });
});
