import { ServiceError, deriveId } from '@invitations/kernel';
import type { EventStore } from '@invitations/event-store';
import {
  digestingSource,
  type CohortInput,
  type UploadSource,
  type ValidationWorkers,
} from '@invitations/uploads';
import type { AdminContext, UploadSettings } from '../ports';
import {
  countedUploadLookups,
  UNCOUNTED_MATCHES,
  type PassportMatchBudget,
} from '../privacy/passport-matches';
import { batchOfOrganisation } from '../tenancy/tenant-streams';
import { ChunksEncodedAhead, ROWS_PER_CHUNK, chunksFor, recordUploadPreview } from './record-upload-preview';
import { previewView, type UploadPreviewView } from './recorded-upload';
import type { UploadLookups } from './upload-lookups';
import { previewUpload } from './upload-preview';
import { rowCountsOf } from './upload-rows-page';

export interface PreviewBatchUploadDeps {
  store: EventStore;
  lookups: UploadLookups;
  settings: UploadSettings;
  /** Where validation workers come from (a spare started ahead); none: each upload starts its own. */
  workers?: ValidationWorkers;
  /**
   * How many batches of rows are looked up at once: 1 when the lookups answer without waiting (in memory, where
   * looking ahead only keeps more rows alive for the collector); more hide a remote store's round trips.
   */
  lookupConcurrency?: number;
  /** Each row is a passport match of the organisation's day (none counted when absent). */
  passportMatches?: PassportMatchBudget;
}

/**
 * Parses, validates and classifies a CSV as it streams in, without staging anything. A file with any error is
 * refused whole (INVALID_UPLOAD, every error by row and field) and nothing is written. Otherwise the preview and its
 * rows are recorded in the upload's stream, so that confirming needs no second upload.
 */
export async function previewBatchUpload(
  deps: PreviewBatchUploadDeps,
  context: AdminContext,
  batchId: string,
  source: UploadSource,
  cohort: CohortInput | null,
): Promise<UploadPreviewView> {
  const batch = await batchOfOrganisation(deps.store, context.organisationId, batchId);
  const { settings } = deps;
  const file = digestingSource(source);
  const ahead = new ChunksEncodedAhead();
  const outcome = await previewUpload(
    file.source,
    {
      poolId: batch.poolId,
      organisationId: batch.organisationId,
      rules: { defaultRegion: settings.defaultPhoneRegion, today: context.now.toISOString().slice(0, 10) },
      limits: settings.limits,
      cohort,
      // Parsing and validating run on another core, beside the lookups and classification done here.
      validation: 'worker',
      workers: deps.workers,
      lookupConcurrency: deps.lookupConcurrency,
      // Rows are encoded for the record as they are classified, beside the parsing, rather than after it.
      onClassified: (rows, end, classified) => ahead.classified(rows, end, classified),
    },
    countedUploadLookups(
      deps.lookups,
      deps.passportMatches ?? UNCOUNTED_MATCHES,
      batch.organisationId,
      context.now,
    ),
  );
  if (!outcome.ok) {
    const shown =
      outcome.errors.length < outcome.totalErrors ? ` (the first ${outcome.errors.length} are listed)` : '';
    throw new ServiceError(
      'INVALID_UPLOAD',
      `The file cannot be uploaded: ${outcome.totalErrors} error(s)${shown}. Nothing was staged.`,
      outcome.errors,
    );
  }
  const uploadId = deriveId(context.commandId, 'upload');
  const recorded = await recordUploadPreview(
    deps.store,
    {
      type: 'RecordUploadPreview',
      uploadId,
      batch: { batchId: batch.batchId, poolId: batch.poolId, organisationId: batch.organisationId },
      cohort: outcome.cohort,
      totalRows: outcome.totalRows,
      newCount: outcome.newCount,
      existingCount: outcome.existingCount,
      invalidCount: outcome.invalidCount,
      duplicateCount: outcome.duplicateCount,
      chunks: chunksFor(outcome.rows.length),
      fileSha256: file.sha256(),
      warnings: outcome.warnings,
      rowCounts: rowCountsOf(outcome.rows, ROWS_PER_CHUNK),
      now: context.now.toISOString(),
      expiresAt: new Date(context.now.getTime() + settings.previewTtlHours * 3_600_000).toISOString(),
    },
    outcome.rows,
    context,
    ahead,
  );
  return previewView(recorded.preview, recorded, outcome.duplicates, outcome.possibleDuplicates, context.now);
}
