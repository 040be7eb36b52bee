import { Module } from '@nestjs/common';
import { OpsController } from './ops.controller';

/** Operators' routes: status and rebuild (the ops role). */
@Module({ controllers: [OpsController] })
export class OpsModule {}
