import { Readable } from 'node:stream';
import {
  TEMPLATE_EXAMPLE_EMAIL,
  TEMPLATE_ROW_MESSAGE,
  invitationTemplateCsvBytes,
} from '@invitations/uploads';
import { InMemoryUploadLookups } from './in-memory-upload-lookups';
import { previewUpload } from './upload-preview';

describe('the invitation template, uploaded', () => {
  it('its example row, left in, refuses the upload and says so; with another email it is a valid new person', async () => {
    const preview = (bytes: Buffer) =>
      previewUpload(
        Readable.from([bytes]),
        { poolId: 'pool-1', rules: { defaultRegion: 'AU', today: '2025-06-30' } },
        new InMemoryUploadLookups(),
      );

    expect(await preview(invitationTemplateCsvBytes())).toEqual({
      ok: false,
      totalErrors: 1,
      errors: [{ row: 2, field: 'email', message: TEMPLATE_ROW_MESSAGE }],
    });
    const edited = invitationTemplateCsvBytes()
      .toString('utf8')
      .replace(TEMPLATE_EXAMPLE_EMAIL, 'jane@example.org');
    expect(await preview(Buffer.from(edited, 'utf8'))).toMatchObject({ ok: true, totalRows: 1, newCount: 1 });
  });
});
