import { Module } from '@nestjs/common';
import { MembersResolver } from './members.resolver';
import { PoolsResolver } from './pools.resolver';

/** Resource pools: list, create, their batches and member counts. */
@Module({ providers: [PoolsResolver, MembersResolver] })
export class PoolsModule {}
