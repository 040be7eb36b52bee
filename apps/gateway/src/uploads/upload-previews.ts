import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  lastPositionOfUpload,
  previewBatchUpload,
  type AdminContext,
  type UploadPreviewView,
} from '@invitations/application';
import type { CohortInput, UploadSource } from '@invitations/uploads';
import { UseCaseCommand } from '../common/use-case.command';
import { UploadSlots } from './upload-slots';

/** A file to preview, opened once its turn has come. */
export interface UploadFile {
  source: UploadSource;
  cohort: CohortInput | null;
}

/**
 * The preview of an upload, from the REST body or GraphQL's text alike: it waits its turn (UploadSlots) before its
 * file is read, and answers once the read models show the upload, so that upload(id) and the batch's uploads show
 * it at once. The turn ends with the preview, whatever its outcome.
 */
@Injectable()
export class UploadPreviews {
  constructor(
    private readonly commands: CommandBus,
    private readonly slots: UploadSlots,
  ) {}

  async preview(
    context: AdminContext,
    batchId: string,
    open: () => Promise<UploadFile>,
  ): Promise<UploadPreviewView> {
    const release = await this.slots.acquire();
    try {
      const { source, cohort } = await open();
      const { view } = await this.commands.execute(
        new UseCaseCommand(async (ports) => {
          const previewed = await previewBatchUpload(ports, context, batchId, source, cohort);
          return { view: previewed, position: await lastPositionOfUpload(ports.store, previewed.id) };
        }, context),
      );
      return view;
    } finally {
      release();
    }
  }
}
