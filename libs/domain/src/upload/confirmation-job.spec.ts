import { uploadStateAt, type UploadLifeState } from './confirmation-job';
import type { UploadStatusInLife } from './upload.state';

describe('uploadStateAt: where an upload stands at an instant', () => {
  const expiresAt = '2025-03-02T00:00:00.000Z';

  it.each<[UploadStatusInLife, string, UploadLifeState]>([
    ['previewed', '2025-03-01T23:59:59.999Z', 'PREVIEWED'],
    ['previewed', '2025-03-02T00:00:00.000Z', 'EXPIRED'],
    ['confirming', '2025-03-05T00:00:00.000Z', 'CONFIRMING'],
    ['confirmed', '2025-03-05T00:00:00.000Z', 'CONFIRMED'],
    ['cancelled', '2025-03-01T00:00:00.000Z', 'CANCELLED'],
  ])('%s, asked at %s: %s', (status, now, expected) => {
    expect(uploadStateAt({ status, expiresAt }, new Date(now))).toBe(expected);
  });
});
