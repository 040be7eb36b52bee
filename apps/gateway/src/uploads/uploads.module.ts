import { Module } from '@nestjs/common';
import { resolveKeptSecret } from '@invitations/auth';
import type { ServiceConfig } from '@invitations/runtime';
import { SERVICE_CONFIG } from '../infrastructure/tokens';
import { LINK_SIGNING_SECRET, ReportLinks } from './report-links';
import { UploadsController } from './uploads.controller';
import { UploadPreviews } from './upload-previews';
import { UploadSlots } from './upload-slots';
import { UploadsResolver } from './uploads.resolver';

/**
 * Bulk uploads: the streamed preview (REST and GraphQL), its rows, the duplicates report and its signed links, the
 * template, confirming (a job) and cancelling; the slots that bound the uploads read at once.
 */
@Module({
  controllers: [UploadsController],
  providers: [
    UploadsResolver,
    ReportLinks,
    UploadSlots,
    UploadPreviews,
    {
      provide: LINK_SIGNING_SECRET,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) =>
        resolveKeptSecret(config.linkSigningSecret, config.dataDir, 'link-signing-secret'),
    },
  ],
  exports: [ReportLinks],
})
export class UploadsModule {}
