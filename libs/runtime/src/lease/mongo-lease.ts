import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '@invitations/read-models';
import type { Lease, LeaseStore } from './lease';

export interface MongoLeaseOptions {
  /** How long a lease lives without renewal. */
  ttlMs: number;
  /** The collection keeping the leases. */
  collectionName?: string;
}

interface LeaseDocument {
  _id: string;
  holder: string | null;
  token: number;
  expiresAt: Date;
}

/**
 * A lease in a MongoDB collection, one document per lease: `{_id: name, holder, token, expiresAt}`.
 *
 * Every change is a compare-and-set done by the server in one findOneAndUpdate, with the server's clock
 * (`$$NOW`) deciding expiry, so the holders' clocks never need to agree. Acquiring succeeds when the lease is
 * free, expired or already ours, and answers null while another holder's lease is live. Released leases are
 * kept (not deleted) so the fencing token never goes back. Writes wait for a majority, so a failover cannot
 * hand out a lease twice.
 */
export class MongoLease implements LeaseStore {
  readonly ttlMs: number;
  private readonly leases: Collection<LeaseDocument>;

  constructor(
    db: Db,
    readonly name: string,
    options: MongoLeaseOptions,
  ) {
    if (!(options.ttlMs > 0)) throw new RangeError(`A lease's ttlMs must be positive (got ${options.ttlMs})`);
    this.ttlMs = options.ttlMs;
    this.leases = db.collection<LeaseDocument>(options.collectionName ?? 'leases', {
      writeConcern: { w: 'majority' },
    });
  }

  async acquire(holder: string): Promise<Lease | null> {
    await this.ensureExists();
    const document = await this.leases.findOneAndUpdate(
      {
        _id: this.name,
        $expr: { $or: [{ $eq: ['$holder', { $literal: holder }] }, { $lte: ['$expiresAt', '$$NOW'] }] },
      },
      [
        {
          $set: {
            // Expressions in one $set stage all read the document as it was: `$holder` is the previous holder.
            token: { $cond: [{ $eq: ['$holder', { $literal: holder }] }, '$token', { $add: ['$token', 1] }] },
            holder: { $literal: holder },
            expiresAt: { $add: ['$$NOW', this.ttlMs] },
          },
        },
      ],
      { returnDocument: 'after' },
    );
    return document ? this.toLease(document) : null;
  }

  async renew(lease: Lease): Promise<Lease | null> {
    const document = await this.leases.findOneAndUpdate(
      { _id: this.name, holder: lease.holder, token: lease.token, $expr: { $gt: ['$expiresAt', '$$NOW'] } },
      [{ $set: { expiresAt: { $add: ['$$NOW', this.ttlMs] } } }],
      { returnDocument: 'after' },
    );
    return document ? this.toLease(document) : null;
  }

  async release(lease: Lease): Promise<void> {
    await this.leases.updateOne(
      { _id: this.name, holder: lease.holder, token: lease.token },
      { $set: { holder: null, expiresAt: new Date(0) } },
    );
  }

  /** The lease as it stands, held or not (null when it was never taken). */
  async read(): Promise<{ holder: string | null; token: number; expiresAt: Date } | null> {
    const document = await this.leases.findOne({ _id: this.name });
    return document
      ? { holder: document.holder, token: document.token, expiresAt: document.expiresAt }
      : null;
  }

  /**
   * Creates the lease, free, the first time. Kept apart from the compare-and-set because an upsert cannot
   * build its new document from a filter with `$expr`; two processes racing here collide on _id, which is fine.
   */
  private async ensureExists(): Promise<void> {
    try {
      await this.leases.updateOne(
        { _id: this.name },
        { $setOnInsert: { holder: null, token: 0, expiresAt: new Date(0) } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private toLease(document: LeaseDocument): Lease {
    if (document.holder === null) throw new Error(`Lease ${this.name} came back without a holder`);
    return { name: this.name, holder: document.holder, token: document.token, expiresAt: document.expiresAt };
  }
}
