import { Readable } from 'node:stream';
import { InMemoryUploadLookups } from '@invitations/application';
import {
  CSV_COLUMNS,
  TEMPLATE_EXAMPLE_EMAIL,
  TEMPLATE_HEADER_LINE,
  invitationTemplateCsv,
  invitationTemplateCsvBytes,
} from './template';
import { previewUpload } from '@invitations/application';
import { TEMPLATE_ROW_MESSAGE } from './validate-rows';

describe('the invitation template', () => {
  it("has the contract's header row, in the contract's order", () => {
    expect(TEMPLATE_HEADER_LINE).toBe(
      'email,date_of_birth,first_name,middle_names,last_name,preferred_name,mobile,job_role',
    );
    expect(CSV_COLUMNS.join(',')).toBe(TEMPLATE_HEADER_LINE);
  });

  it('is the header row and one example row, without a BOM, for GraphQL', () => {
    const lines = invitationTemplateCsv().split('\r\n');

    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(TEMPLATE_HEADER_LINE);
    expect(lines[1].split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(lines[2]).toBe('');
    expect(invitationTemplateCsv().charCodeAt(0)).not.toBe(0xfeff);
  });

  it('is served as UTF-8 bytes starting with a BOM, for Excel', () => {
    const bytes = invitationTemplateCsvBytes();

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(invitationTemplateCsv());
  });

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
