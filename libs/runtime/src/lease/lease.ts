/** A lease as granted: `token` grows by one each time the lease changes hands (a fencing token). */
export interface Lease {
  name: string;
  holder: string;
  token: number;
  /** When the lease ends unless renewed, by the server's clock (for display: holders time it by their own clock). */
  expiresAt: Date;
}

/** Where a lease is kept (MongoDB's `leases`): what a LeaseKeeper needs of it. */
export interface LeaseStore {
  readonly ttlMs: number;
  /** The lease for `holder`, or null while another holder's lease is live. */
  acquire(holder: string): Promise<Lease | null>;
  /** The lease extended by ttl, or null if it was lost (expired, or taken by another holder since). */
  renew(lease: Lease): Promise<Lease | null>;
  /** Gives the lease up at once, so a standby need not wait for it to expire. */
  release(lease: Lease): Promise<void>;
}
