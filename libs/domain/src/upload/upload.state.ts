import type { UploadConfirmed, UploadPreviewed } from './upload.events';

/**
 * What decisions about an upload need: its preview and how many of its row chunks are recorded. The rows
 * themselves are not part of it (no decision depends on them, and a large upload's rows are tens of MB):
 * readers that need them collect them from the UploadRowsRecorded events (see `uploadRowsOf`).
 */
export type UploadState =
  | { status: 'absent' }
  | {
      status: 'previewed' | 'confirmed';
      preview: UploadPreviewed['data'];
      /** UploadRowsRecorded events so far: the rows are all recorded once this reaches `preview.chunks`. */
      chunksRecorded: number;
      confirmation: UploadConfirmed['data'] | null;
    };

/** True once every chunk of the preview's rows is recorded. */
export function isCompletelyRecorded(state: Exclude<UploadState, { status: 'absent' }>): boolean {
  return state.chunksRecorded >= state.preview.chunks;
}
