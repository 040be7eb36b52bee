import type { UploadConfirmed, UploadPreviewed, UploadRow } from './upload.events';

export type UploadState =
  | { status: 'absent' }
  | {
      status: 'previewed' | 'confirmed';
      preview: UploadPreviewed['data'];
      rows: UploadRow[];
      confirmation: UploadConfirmed['data'] | null;
    };
