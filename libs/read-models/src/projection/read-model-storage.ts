import type { DocumentStore } from './document-store';
import type { ProjectionName } from './projection';

/** Where the previous version of a rebuilt read model is kept, for a rollback. */
export const previousVersion = (name: ProjectionName): string => `${name}__prev`;

/**
 * The documents of every projection in one adapter (in memory, or MongoDB), as the projection runner and rebuilds
 * need them: the live ones, and versions built aside then switched in.
 */
export interface ReadModelStorage {
  /**
   * How many events a rebuild gathers before it writes them: large where a write is a round trip (MongoDB's bulk
   * writes), small where it is not (in memory, where a batch's events held until it is written outlive the young
   * generation and are promoted for nothing).
   */
  readonly rebuildBatchSize: number;
  /** The live documents of a projection (what the read model's queries answer from). */
  documents(name: ProjectionName): DocumentStore;
  /** The versions stored (`invitees`, `invitees__prev`, `invitees__rebuild_<time>`...): MongoDB's collections. */
  collections(): Promise<string[]>;
  /** Makes ready what the projections' queries need (MongoDB's indexes). Idempotent. */
  prepare(names: readonly ProjectionName[]): Promise<void>;
  /** An empty version of a projection to build aside, named by `suffix` (a leftover of that name is dropped). */
  buildAside(name: ProjectionName, suffix: string): Promise<DocumentStore>;
  /**
   * Puts the version built aside in the live one's place, in one step for the queries, keeping the live one as
   * `previousVersion(name)` (replacing an older one). Answers that name, or null when there was no live version.
   */
  switchIn(name: ProjectionName, suffix: string): Promise<string | null>;
  /** The version the last switch kept, for a rollback; null when there is none. */
  previous(name: ProjectionName): Promise<DocumentStore | null>;
}
