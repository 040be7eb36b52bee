import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import type { ReadModelStores, ServiceConfig } from '@invitations/runtime';
import { deriveId } from '@invitations/kernel';
import type { CohortInput } from '@invitations/uploads';
import type { UploadSource } from '@invitations/uploads';
import { digestingSource } from '@invitations/uploads';
import { previewUpload } from '@invitations/application';
import { OrganisationScope } from '../application/scope';
import type { CommandContext } from '../commands/command-base';
import { ApiError } from '../errors/api-error';
import { EVENT_STORE, READ_MODELS, SERVICE_CONFIG } from '../infrastructure/tokens';
import { ReadModelUploadLookups } from './read-model-upload-lookups';
import { UploadValidationWorkers } from './upload-validation-workers';
import { ChunksEncodedAhead, chunksFor, recordUploadPreview } from './record-upload-preview';
import { previewView, type UploadPreviewView } from './upload.query';

export class PreviewUploadCommand extends Command<UploadPreviewView> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly batchId: string,
    readonly source: UploadSource,
    readonly cohort: CohortInput | null,
  ) {
    super();
  }
}

/**
 * Parses, validates and classifies a CSV as it streams in, without staging anything. A file with any error is
 * refused whole (INVALID_UPLOAD, every error by row and field) and nothing is written. Otherwise the preview and
 * its rows are recorded in the upload's stream (recordUploadPreview), so that confirming needs no second upload.
 */
@CommandHandler(PreviewUploadCommand)
export class PreviewUploadHandler implements ICommandHandler<PreviewUploadCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStores,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly scope: OrganisationScope,
    private readonly workers: UploadValidationWorkers,
  ) {}

  async execute({ context, batchId, source, cohort }: PreviewUploadCommand): Promise<UploadPreviewView> {
    const batch = await this.scope.batch(context.organisationId, batchId);
    const { maxBytes, maxRows, maxFieldLength, previewTtlHours } = this.config.uploads;
    const file = digestingSource(source);
    const ahead = new ChunksEncodedAhead();
    const outcome = await previewUpload(
      file.source,
      {
        poolId: batch.poolId,
        rules: {
          defaultRegion: this.config.defaultPhoneRegion,
          today: context.now.toISOString().slice(0, 10),
        },
        limits: { maxBytes, maxRows, maxFieldLength },
        cohort,
        // Parsing and validating run on another core, beside the lookups and classification done here.
        validation: 'worker',
        workers: this.workers,
        // The in-memory read models answer on this thread without waiting: looking batches up ahead of the one
        // classified would only keep more rows alive (more for the collector to copy). MongoDB's round trips are
        // hidden by looking a few batches up at once (the default).
        lookupConcurrency: this.config.readStore === 'embedded' ? 1 : undefined,
        // Rows are encoded for the record as they are classified, beside the parsing, rather than after it.
        onClassified: (rows, end, batch) => ahead.classified(rows, end, batch),
      },
      new ReadModelUploadLookups(this.readModels.readModels),
    );
    if (!outcome.ok) {
      const shown =
        outcome.errors.length < outcome.totalErrors ? ` (the first ${outcome.errors.length} are listed)` : '';
      throw new ApiError(
        'INVALID_UPLOAD',
        `The file cannot be uploaded: ${outcome.totalErrors} error(s)${shown}. Nothing was staged.`,
        outcome.errors,
      );
    }
    const uploadId = deriveId(context.commandId, 'upload');
    const recorded = await recordUploadPreview(
      this.store,
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
        now: context.now.toISOString(),
        expiresAt: new Date(context.now.getTime() + previewTtlHours * 3_600_000).toISOString(),
      },
      outcome.rows,
      context,
      ahead,
    );
    return previewView(
      recorded.preview,
      recorded.status === 'confirmed',
      outcome.duplicates,
      outcome.possibleDuplicates,
    );
  }
}
