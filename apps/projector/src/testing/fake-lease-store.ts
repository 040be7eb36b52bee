import type { Lease, LeaseStore } from '@invitations/runtime';

/**
 * A lease kept in memory with the semantics of MongoLease (acquire when free, expired or already ours; renew
 * while ours and live; a fencing token that grows when the lease changes hands), timed by Date.now (jest's fake
 * clock, or the real one), with ways to make it unreachable for one holder (a partition) or for everyone.
 */
export class FakeLeaseStore implements LeaseStore {
  holder: string | null = null;
  token = 0;
  expiresAt = 0;
  down = false;
  readonly partitioned = new Set<string>();

  constructor(readonly ttlMs: number) {}

  async acquire(holder: string): Promise<Lease | null> {
    this.reach(holder);
    const now = Date.now();
    if (this.holder !== null && this.holder !== holder && this.expiresAt > now) return null;
    if (this.holder !== holder) this.token += 1;
    this.holder = holder;
    this.expiresAt = now + this.ttlMs;
    return this.lease();
  }

  async renew(lease: Lease): Promise<Lease | null> {
    this.reach(lease.holder);
    const live = this.holder === lease.holder && this.token === lease.token && this.expiresAt > Date.now();
    if (!live) return null;
    this.expiresAt = Date.now() + this.ttlMs;
    return this.lease();
  }

  async release(lease: Lease): Promise<void> {
    this.reach(lease.holder);
    if (this.holder === lease.holder && this.token === lease.token) {
      this.holder = null;
      this.expiresAt = 0;
    }
  }

  /** Another process takes the lease (as after a failover that granted it elsewhere). */
  handTo(holder: string): void {
    this.holder = holder;
    this.token += 1;
    this.expiresAt = Date.now() + this.ttlMs;
  }

  private reach(holder: string): void {
    if (this.down || this.partitioned.has(holder)) throw new Error('lease store unreachable');
  }

  private lease(): Lease {
    return {
      name: 'projector',
      holder: this.holder!,
      token: this.token,
      expiresAt: new Date(this.expiresAt),
    };
  }
}
