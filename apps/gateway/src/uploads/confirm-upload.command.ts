import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { uploadStreamId } from '@invitations/domain';
import { DomainError } from '@invitations/domain';
import { uploadDecider } from '@invitations/domain';
import type { UploadConfirmed, UploadRow } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { Consistency } from '../application/consistency';
import { Staging } from '../application/staging';
import type { CommandContext } from '../commands/command-base';
import { SendInvitationsCommand } from '../commands/send-invitations';
import { EVENT_STORE } from '../infrastructure/tokens';
import { Uploads, type RecordedUpload } from './upload.query';

export type ConfirmUploadOutcome = Pick<
  UploadConfirmed['data'],
  'staged' | 'skippedDuplicates' | 'invited' | 'autoAccepted'
> & {
  batchId: string;
};

export class ConfirmUploadCommand extends Command<ConfirmUploadOutcome> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly uploadId: string,
    readonly sendInvitations: boolean,
    readonly message: string | null,
  ) {
    super();
  }
}

/** Rows staged at once: enough to fill the event store's group commits. */
const PARALLELISM = 64;

/**
 * Stages every row of a preview that is not a duplicate, optionally invites them, and records the confirmation.
 * Every id derives from the upload and the row, so confirming again, at the same time or after a crash part-way
 * through, stages each row once: what was staged is found staged, what was not is staged now. A row whose person
 * took a seat in the pool since the preview is skipped as a duplicate. Passports are never touched.
 */
@CommandHandler(ConfirmUploadCommand)
export class ConfirmUploadHandler implements ICommandHandler<ConfirmUploadCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly uploads: Uploads,
    private readonly staging: Staging,
    private readonly commands: CommandBus,
    private readonly consistency: Consistency,
  ) {}

  async execute(command: ConfirmUploadCommand): Promise<ConfirmUploadOutcome> {
    const { context, uploadId } = command;
    const upload = await this.uploads.load(context.organisationId, uploadId);
    uploadDecider.decide({ type: 'StartUploadConfirmation', now: context.now.toISOString() }, upload);
    if (upload.confirmation) return { ...upload.confirmation, batchId: upload.preview.batchId };

    const { staged, skipped, position } = await this.stageRows(upload, context);
    let invited = 0;
    let autoAccepted = 0;
    if (command.sendInvitations && staged.length > 0) {
      const sent = await this.commands.execute(
        new SendInvitationsCommand(
          { ...context, commandId: deriveId(uploadId, 'send') },
          upload.preview.batchId,
          staged,
          false,
          command.message,
        ),
      );
      invited = sent.invited.length;
      autoAccepted = sent.autoAccepted.length;
    }
    const counts = {
      staged: staged.length,
      skippedDuplicates: skipped,
      invited,
      autoAccepted,
      sendInvitations: command.sendInvitations,
    };
    const recorded = await handleCommand(
      this.store,
      uploadStreamId(uploadId),
      uploadDecider,
      () => ({ type: 'CompleteUploadConfirmation' as const, ...counts, now: context.now.toISOString() }),
      { ...context, commandId: deriveId(uploadId, 'confirmed') },
    );
    await this.consistency.waitFor(position);
    // A concurrent confirmation may have recorded first: both staged the same rows, so its counts are these.
    const confirmation = recorded.state.status === 'absent' ? null : recorded.state.confirmation;
    return { ...(confirmation ?? counts), batchId: upload.preview.batchId };
  }

  private async stageRows(upload: RecordedUpload, context: CommandContext & { organisationId: string }) {
    const { preview } = upload;
    const batch = {
      batchId: preview.batchId,
      poolId: preview.poolId,
      organisationId: preview.organisationId,
    };
    const rows = upload.rows.filter((r) => r.duplicateReasons.length === 0);
    const staged: string[] = [];
    let skipped = upload.rows.length - rows.length;
    let position = -1n;
    const stageRow = async (row: UploadRow) => {
      const inviteeId = deriveId(preview.uploadId, 'row', String(row.row));
      try {
        const at = await this.staging.stage({
          batch,
          inviteeId,
          person: row.person,
          classification: {
            uploadStatus: row.uploadStatus,
            discrepancies: row.discrepancies,
            passportId: row.passportId,
          },
          uploadId: preview.uploadId,
          context: { ...context, commandId: deriveId(preview.uploadId, 'stage', String(row.row)) },
        });
        staged.push(inviteeId);
        if (at > position) position = at;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        skipped += 1;
      }
    };
    for (let i = 0; i < rows.length; i += PARALLELISM)
      await Promise.all(rows.slice(i, i + PARALLELISM).map(stageRow));
    return { staged, skipped, position };
  }
}
