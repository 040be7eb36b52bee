import { connectionOf } from '../common/graphql/connection';
import { Readable } from 'node:stream';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CohortInput } from '@invitations/uploads';
import { Inject } from '@nestjs/common';
import { ServiceError, type Clock } from '@invitations/kernel';
import type { UploadStatus } from '@invitations/domain';
import {
  cancelUpload,
  confirmationView,
  confirmUpload,
  duplicateRowsOf,
  uploadSummaryView,
  possibleDuplicateRowsOf,
  recordedUpload,
  uploadOfOrganisation,
  uploadRowsPage,
} from '@invitations/application';
import { batchView } from '../batches/batch.view';
import type { GqlContext } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { ReadModels, required } from '../infrastructure/read-models.service';
import { CLOCK } from '../infrastructure/tokens';
import { UseCaseCommand } from '../common/use-case.command';
import { HttpRefusal } from '../common/errors/http-refusal';
import { UploadPreviews } from './upload-previews';
import { ReportLinks } from './report-links';
import {
  uploadFromDoc,
  uploadFromPreview,
  uploadRowView,
  type UploadPreviewParent,
} from './upload-preview.view';

interface RowsArgs {
  first: number;
  after?: string | null;
  status?: UploadStatus | null;
  duplicate?: boolean | null;
}

@Resolver('UploadPreview')
export class UploadsResolver {
  /** The rows of an upload read once per request however many of its fields need them. */
  private readonly allRows = new WeakMap<UploadPreviewParent, ReturnType<typeof recordedUpload>>();

  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly readModels: ReadModels,
    private readonly links: ReportLinks,
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly previews: UploadPreviews,
  ) {}

  /** Null for an upload that does not exist or is another organisation's. */
  @Query('upload')
  async upload(@Args('id') id: string, @Context() { req }: GqlContext) {
    return this.uploadView(orgOf(req), id);
  }

  @Mutation('previewUpload')
  async previewUpload(
    @Args('input') input: { batchId: string; csv: string; cohort?: CohortInput | null },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'previewUpload');
    const file = { source: Readable.from([Buffer.from(input.csv, 'utf8')]), cohort: input.cohort ?? null };
    try {
      const view = await this.previews.preview(context, input.batchId, async () => file);
      return uploadFromPreview(view, context.organisationId);
    } catch (error) {
      // The same turns as the REST upload's (UploadSlots): a refusal's Retry-After goes on the HTTP answer.
      if (error instanceof HttpRefusal)
        for (const [name, value] of Object.entries(error.headers)) req.res?.setHeader(name, value);
      throw error;
    }
  }

  @Mutation('confirmUpload')
  async confirmUpload(
    @Args('input') input: { uploadId: string; sendInvitations?: boolean | null; message?: string | null },
    @Context() { req }: GqlContext,
  ) {
    const context = this.contexts.forAdmin(req, 'confirmUpload');
    const { job, batchId, uploadId } = await this.commands.execute(
      new UseCaseCommand(
        (ports) =>
          confirmUpload(ports, context, {
            uploadId: input.uploadId,
            sendInvitations: input.sendInvitations ?? false,
            message: input.message ?? null,
          }),
        context,
      ),
    );
    const batch = required(await this.readModels.batch(context.organisationId, batchId), `batch ${batchId}`);
    const { staged, skippedDuplicates, invited, autoAccepted } = job;
    return {
      staged,
      skippedDuplicates,
      invited,
      autoAccepted,
      batch: batchView(batch),
      confirmation: confirmationView(job),
      upload: await this.uploadView(context.organisationId, uploadId),
    };
  }

  @Mutation('cancelUpload')
  async cancelUpload(@Args('uploadId') uploadId: string, @Context() { req }: GqlContext) {
    const context = this.contexts.forAdmin(req, 'cancelUpload');
    await this.commands.execute(
      new UseCaseCommand((ports) => cancelUpload(ports, context, uploadId), context),
    );
    return this.uploadView(context.organisationId, uploadId);
  }

  @ResolveField('duplicatesReportUrl')
  duplicatesReportUrl(@Parent() upload: UploadPreviewParent): string {
    return this.links.duplicatesReportUrl(upload);
  }

  @ResolveField('duplicates')
  async duplicates(@Parent() upload: UploadPreviewParent) {
    return upload.duplicates ?? duplicateRowsOf(await this.rowsOf(upload));
  }

  @ResolveField('possibleDuplicates')
  async possibleDuplicates(@Parent() upload: UploadPreviewParent) {
    return upload.possibleDuplicates ?? possibleDuplicateRowsOf(await this.rowsOf(upload));
  }

  @ResolveField('rows')
  async rows(@Parent() upload: UploadPreviewParent, @Args() args: RowsArgs) {
    const page = await uploadRowsPage(this.ports.store, upload.organisationId, upload.id, {
      first: args.first,
      after: args.after ?? null,
      uploadStatus: args.status ?? null,
      duplicate: args.duplicate ?? null,
    });
    return connectionOf(page, uploadRowView);
  }

  /**
   * The upload from the uploads read model; from its stream when the read model does not have it yet (made by
   * another gateway a moment ago). Null when it does not exist or is another organisation's.
   */
  private async uploadView(organisationId: string, uploadId: string): Promise<UploadPreviewParent | null> {
    const doc = await this.readModels.upload(organisationId, uploadId);
    if (doc) return uploadFromDoc(doc, this.clock.now());
    try {
      const { state } = await uploadOfOrganisation(this.ports.store, organisationId, uploadId);
      return { ...uploadSummaryView(state.preview, state, this.clock.now()), organisationId };
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private rowsOf(upload: UploadPreviewParent) {
    let rows = this.allRows.get(upload);
    if (!rows) {
      rows = recordedUpload(this.ports.store, upload.organisationId, upload.id);
      this.allRows.set(upload, rows);
    }
    return rows;
  }
}
