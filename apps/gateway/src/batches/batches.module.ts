import { Module } from '@nestjs/common';
import { BatchLifecycleResolver } from './batch-lifecycle.resolver';
import { BatchesResolver } from './batches.resolver';

/** Invitation batches: create, read, their counts and tabs. */
@Module({ providers: [BatchesResolver, BatchLifecycleResolver] })
export class BatchesModule {}
