import { Readable } from 'node:stream';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CohortInput } from '@invitations/uploads';
import { Inject } from '@nestjs/common';
import { ServiceError } from '@invitations/kernel';
import { confirmUpload, previewBatchUpload, recordedUpload, toPreviewView } from '@invitations/application';
import { batchView } from '../batches/batch.view';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { ReadModels } from '../infrastructure/read-models.service';
import { UseCaseCommand } from '../common/use-case.command';
import { HttpRefusal } from '../common/errors/http-refusal';
import { UploadSlots } from './upload-slots';

@Resolver('UploadPreview')
export class UploadsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly readModels: ReadModels,
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
    private readonly slots: UploadSlots,
  ) {}

  /** Null for an upload that does not exist or is another organisation's. */
  @Query('upload')
  async upload(@Args('id') id: string, @Context() { req }: GqlContext) {
    try {
      return toPreviewView(await recordedUpload(this.ports.store, orgOf(req), id));
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  @Mutation('previewUpload')
  async previewUpload(
    @Args('input') input: { batchId: string; csv: string; cohort?: CohortInput | null },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'previewUpload');
    const source = Readable.from([Buffer.from(input.csv, 'utf8')]);
    // The same turns as the REST upload's (UploadSlots): a refusal's Retry-After goes on the HTTP answer.
    let release: () => void;
    try {
      release = await this.slots.acquire();
    } catch (error) {
      if (error instanceof HttpRefusal)
        for (const [name, value] of Object.entries(error.headers)) req.res?.setHeader(name, value);
      throw error;
    }
    try {
      // A preview writes only its upload's stream, which no read model shows: there is nothing to wait for.
      return await previewBatchUpload(this.ports, context, input.batchId, source, input.cohort ?? null);
    } finally {
      release();
    }
  }

  @Mutation('confirmUpload')
  async confirmUpload(
    @Args('input') input: { uploadId: string; sendInvitations?: boolean | null; message?: string | null },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'confirmUpload');
    const { staged, skippedDuplicates, invited, autoAccepted, batchId } = await this.commands.execute(
      new UseCaseCommand((ports) =>
        confirmUpload(ports, context, {
          uploadId: input.uploadId,
          sendInvitations: input.sendInvitations ?? false,
          message: input.message ?? null,
        }),
      ),
    );
    const batch = await this.readModels.batch(context.organisationId, batchId);
    if (!batch) throw new Error(`batch ${batchId} is missing from the read model`);
    return { staged, skippedDuplicates, invited, autoAccepted, batch: batchView(batch) };
  }
}
