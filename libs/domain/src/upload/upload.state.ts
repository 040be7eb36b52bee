import type { UploadPreviewed } from './upload.events';

/** Where a confirmation job stands (the contract's ConfirmationState). */
export type ConfirmationState = 'RUNNING' | 'DONE' | 'CANCELLED' | 'FAILED';

/** The confirmation job of an upload, as its events left it. */
export interface ConfirmationJob {
  state: ConfirmationState;
  sendInvitations: boolean;
  message: string | null;
  /** Rows the job goes through: every row of the file. */
  total: number;
  /** Chunks of rows gone through, from the first: a restart carries on from the next. */
  chunksDone: number;
  staged: number;
  skippedDuplicates: number;
  invited: number;
  autoAccepted: number;
  startedAt: string;
  /** When it was done, cancelled or failed; null while running. */
  finishedAt: string | null;
  /** Why it failed (names no person); null otherwise. */
  failure: string | null;
}

/**
 * Where an upload stands: previewed (confirmable until it expires, and again after a failed confirmation),
 * confirming (its job running), confirmed (done), or cancelled (its preview withdrawn, or its job stopped).
 */
export type UploadStatusInLife = 'previewed' | 'confirming' | 'confirmed' | 'cancelled';

/**
 * What decisions about an upload need: its preview, how many of its row chunks are recorded, and its confirmation
 * job. The rows themselves are not part of it (no decision depends on them, and a large upload's rows are tens of
 * MB): readers that need them collect them from the UploadRowsRecorded events (see `collectUploadRows`).
 */
export type UploadState =
  | { status: 'absent' }
  | {
      status: UploadStatusInLife;
      preview: UploadPreviewed['data'];
      /** UploadRowsRecorded events so far: the rows are all recorded once this reaches `preview.chunks`. */
      chunksRecorded: number;
      /** Null until confirmUpload started it. */
      job: ConfirmationJob | null;
      /** When the preview or its confirmation was cancelled; null otherwise. */
      cancelledAt: string | null;
      /** The rows were shredded (UploadRowsShredded): nothing can be confirmed from them any more. */
      rowsShredded?: boolean;
    };

export type RecordedUploadState = Exclude<UploadState, { status: 'absent' }>;

/** True once every chunk of the preview's rows is recorded. */
export function isCompletelyRecorded(state: RecordedUploadState): boolean {
  return state.chunksRecorded >= state.preview.chunks;
}
