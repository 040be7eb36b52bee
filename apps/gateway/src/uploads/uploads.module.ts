import { Module } from '@nestjs/common';
import { UploadsController } from './uploads.controller';
import { UploadSlots } from './upload-slots';
import { UploadsResolver } from './uploads.resolver';

/** Bulk uploads: the streamed preview (REST and GraphQL), the duplicates report, the template, confirming. */
@Module({ controllers: [UploadsController], providers: [UploadsResolver, UploadSlots] })
export class UploadsModule {}
