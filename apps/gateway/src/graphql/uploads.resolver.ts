import { Readable } from 'node:stream';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CohortInput } from '@invitations/uploads';
import type { GqlContext } from '../auth/request-principal';
import { ReadModels } from '../queries/read-models.query';
import { ConfirmUploadCommand } from '../uploads/confirm-upload.command';
import { PreviewUploadCommand } from '../uploads/preview-upload.command';
import { Uploads } from '../uploads/upload.query';
import { batchView } from './batches.resolver';
import { CommandContexts } from './command-context.factory';
import { orgOf } from './org-of';

@Resolver('UploadPreview')
export class UploadsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly uploads: Uploads,
    private readonly readModels: ReadModels,
  ) {}

  @Query('upload')
  upload(@Args('id') id: string, @Context() { req }: GqlContext) {
    return this.uploads.find(orgOf(req), id);
  }

  @Mutation('previewUpload')
  async previewUpload(
    @Args('input') input: { batchId: string; csv: string; cohort?: CohortInput | null },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'previewUpload');
    const source = Readable.from([Buffer.from(input.csv, 'utf8')]);
    return this.commands.execute(
      new PreviewUploadCommand(context, input.batchId, source, input.cohort ?? null),
    );
  }

  @Mutation('confirmUpload')
  async confirmUpload(
    @Args('input') input: { uploadId: string; sendInvitations?: boolean | null; message?: string | null },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'confirmUpload');
    const outcome = await this.commands.execute(
      new ConfirmUploadCommand(
        context,
        input.uploadId,
        input.sendInvitations ?? false,
        input.message ?? null,
      ),
    );
    const batch = await this.readModels.batch(context.organisationId, outcome.batchId);
    if (!batch) throw new Error(`batch ${outcome.batchId} is missing from the read model`);
    return { ...outcome, batch: batchView(batch) };
  }
}
