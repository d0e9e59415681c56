import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { AutomationDryRunService } from './automation-dry-run.service';
import { AutomationsController } from './automations.controller';

/** The workflow service's automation rules over HTTP. */
@Module({ imports: [OrdersModule], controllers: [AutomationsController], providers: [AutomationDryRunService] })
export class AutomationsModule {}
