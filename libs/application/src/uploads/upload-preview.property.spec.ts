import fc from 'fast-check';
import { bytesSource } from '@invitations/uploads/testing';
import { InMemoryUploadLookups } from './in-memory-upload-lookups';
import { previewUpload } from './upload-preview';

const OPTIONS = {
  poolId: 'pool-1',
  rules: { defaultRegion: 'AU', today: '2025-06-30' },
  limits: { maxBytes: 32 * 1024, maxRows: 100 },
};

/** A header the preview reads, then rows made of what CSV files are made of: mostly refused, sometimes not. */
const file = fc
  .tuple(
    fc.constantFrom(
      'email,date_of_birth,first_name,last_name',
      'Email;DOB;Given name;Surname',
      'e-mail\tdob',
    ),
    fc.array(
      fc.oneof(
        fc.constant('zoe@example.com,1990-07-15,Zoë,Nguyễn'),
        fc.constant('jose@example.com;15/07/1990;José;Silva'),
        fc
          .array(fc.constantFrom('a', 'é', ',', ';', '\t', '"', '@', '1', '-', '\0', ' '), { maxLength: 40 })
          .map((c) => c.join('')),
      ),
      { maxLength: 20 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, rows, lineEnd]) => [header, ...rows].join(lineEnd));

describe('previewUpload, for any file', () => {
  it('answers a preview or a refusal with every reason, never a crash; a refused file holds no rows to stage', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 16 }), async (text, chunkSize) => {
        const outcome = await previewUpload(
          bytesSource(text, chunkSize),
          OPTIONS,
          new InMemoryUploadLookups(),
        );
        if (outcome.ok) {
          expect(
            outcome.newCount + outcome.existingCount + outcome.invalidCount + outcome.duplicateCount,
          ).toBe(outcome.totalRows);
          return;
        }
        expect(outcome.errors.length).toBeGreaterThan(0);
        expect(outcome.totalErrors).toBeGreaterThanOrEqual(outcome.errors.length);
        expect(outcome).not.toHaveProperty('rows');
      }),
      { numRuns: 150 },
    );
  });
});
