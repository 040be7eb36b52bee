import { Readable } from 'node:stream';
import { invitationTemplateCsvBytes } from '@invitations/uploads';
import { InMemoryUploadLookups } from './in-memory-upload-lookups';
import { previewUpload } from './upload-preview';

describe('the invitation template, uploaded', () => {
  it('uploads as is: its example row is a valid new person', async () => {
    const outcome = await previewUpload(
      Readable.from([invitationTemplateCsvBytes()]),
      { poolId: 'pool-1', rules: { defaultRegion: 'AU', today: '2025-06-30' } },
      new InMemoryUploadLookups(),
    );

    expect(outcome).toMatchObject({ ok: true, totalRows: 1, newCount: 1 });
  });
});
