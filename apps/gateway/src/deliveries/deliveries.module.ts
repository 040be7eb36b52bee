import { Module } from '@nestjs/common';
import { DeliveryReceiptsController } from './delivery-receipts.controller';

/** Delivery receipts: what email and SMS providers report of each message. */
@Module({ controllers: [DeliveryReceiptsController] })
export class DeliveriesModule {}
