import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  confirmUpload,
  previewBatchUpload,
  type AdminContext,
  type ConfirmUploadOutcome,
  type ConfirmUploadRequest,
  type UploadPreviewView,
} from '@invitations/application';
import type { CohortInput, UploadSource } from '@invitations/uploads';
import { WritingHandler } from '../common/writing-handler';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';

export class PreviewUploadCommand extends Command<UploadPreviewView> {
  constructor(
    readonly context: AdminContext,
    readonly batchId: string,
    readonly source: UploadSource,
    readonly cohort: CohortInput | null,
  ) {
    super();
  }
}

/** A preview writes only its upload's stream, which no read model shows: there is nothing to wait for. */
@CommandHandler(PreviewUploadCommand)
export class PreviewUploadHandler implements ICommandHandler<PreviewUploadCommand, UploadPreviewView> {
  constructor(@Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts) {}

  execute({ context, batchId, source, cohort }: PreviewUploadCommand): Promise<UploadPreviewView> {
    return previewBatchUpload(this.ports, context, batchId, source, cohort);
  }
}

export class ConfirmUploadCommand extends Command<ConfirmUploadOutcome> {
  constructor(
    readonly context: AdminContext,
    readonly request: ConfirmUploadRequest,
  ) {
    super();
  }
}

@CommandHandler(ConfirmUploadCommand)
export class ConfirmUploadHandler extends WritingHandler<ConfirmUploadCommand, ConfirmUploadOutcome> {
  protected write({ context, request }: ConfirmUploadCommand) {
    return confirmUpload(this.ports, context, request);
  }
}
