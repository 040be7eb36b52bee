import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { uploadStreamId } from '../../../../libs/invitations/src/reservation/stream-ids';
import { uploadDecider } from '../../../../libs/invitations/src/upload/upload.decider';
import type { UploadRow } from '../../../../libs/invitations/src/upload/upload.events';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import type { ServiceConfig } from '../../../../libs/shared/src/config';
import { handleCommand } from '../../../../libs/shared/src/handle-command';
import { deriveId } from '../../../../libs/shared/src/ids';
import type { CohortInput } from '../../../../libs/uploads/src/cohort';
import type { UploadSource } from '../../../../libs/uploads/src/parse-upload';
import { previewUpload } from '../../../../libs/uploads/src/upload-preview';
import { OrganisationScope } from '../application/scope';
import type { CommandContext } from '../commands/command-base';
import { ApiError } from '../errors/api-error';
import { EVENT_STORE, READ_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { ReadStoreUploadLookups } from './read-store-upload-lookups';
import { toPreviewView, type UploadPreviewView } from './upload.query';

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

/** Rows per UploadRowsRecorded event: about 250 KB of JSON, well under EventStoreDB's 1 MiB per event. */
const ROWS_PER_CHUNK = 1000;

/**
 * Parses, validates and classifies a CSV as it streams in, without staging anything. A file with any error is
 * refused whole (INVALID_UPLOAD, every error by row and field). Otherwise the preview and its rows are recorded
 * in the upload's stream, so that confirming needs no second upload.
 */
@CommandHandler(PreviewUploadCommand)
export class PreviewUploadHandler implements ICommandHandler<PreviewUploadCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly scope: OrganisationScope,
  ) {}

  async execute({ context, batchId, source, cohort }: PreviewUploadCommand): Promise<UploadPreviewView> {
    const batch = await this.scope.batch(context.organisationId, batchId);
    const { maxBytes, maxRows, maxFieldLength, previewTtlHours } = this.config.uploads;
    const outcome = await previewUpload(
      source,
      {
        poolId: batch.poolId,
        rules: {
          defaultRegion: this.config.defaultPhoneRegion,
          today: context.now.toISOString().slice(0, 10),
        },
        limits: { maxBytes, maxRows, maxFieldLength },
        cohort,
      },
      new ReadStoreUploadLookups(this.readStore),
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
    const rows: UploadRow[] = [];
    for (const row of outcome.rows) {
      rows.push({
        row: row.row,
        person: row.person,
        uploadStatus: row.uploadStatus,
        discrepancies: [...row.discrepancies],
        passportId: row.passportId,
        duplicateReasons: [...row.duplicateReasons],
        possibleDuplicate: row.possibleDuplicate,
      });
    }
    const uploadId = deriveId(context.commandId, 'upload');
    const { state } = await handleCommand(
      this.store,
      uploadStreamId(uploadId),
      uploadDecider,
      () => ({
        type: 'RecordUploadPreview' as const,
        uploadId,
        batch: { batchId: batch.batchId, poolId: batch.poolId, organisationId: batch.organisationId },
        cohort: outcome.cohort,
        totalRows: outcome.totalRows,
        rows,
        rowsPerChunk: ROWS_PER_CHUNK,
        now: context.now.toISOString(),
        expiresAt: new Date(context.now.getTime() + previewTtlHours * 3_600_000).toISOString(),
      }),
      context,
    );
    // The view comes from the state the append left, not from reading the stream back: a large preview is held once.
    if (state.status === 'absent') throw new Error(`upload ${uploadId} was not recorded`);
    return toPreviewView(state);
  }
}
