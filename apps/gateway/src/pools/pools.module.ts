import { Module } from '@nestjs/common';
import { CreateResourcePoolHandler } from './pool.commands';
import { PoolsResolver } from './pools.resolver';

/** Resource pools: list, create, their batches and member counts. */
@Module({ providers: [PoolsResolver, CreateResourcePoolHandler] })
export class PoolsModule {}
