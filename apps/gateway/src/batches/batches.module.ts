import { Module } from '@nestjs/common';
import { CreateBatchHandler } from './batch.commands';
import { BatchesResolver } from './batches.resolver';

/** Invitation batches: create, read, their counts and tabs. */
@Module({ providers: [BatchesResolver, CreateBatchHandler] })
export class BatchesModule {}
