import { Module } from '@nestjs/common';
import { PoolsResolver } from './pools.resolver';

/** Resource pools: list, create, their batches and member counts. */
@Module({ providers: [PoolsResolver] })
export class PoolsModule {}
