import { Module } from '@nestjs/common';
import { BatchesResolver } from './batches.resolver';

/** Invitation batches: create, read, their counts and tabs. */
@Module({ providers: [BatchesResolver] })
export class BatchesModule {}
