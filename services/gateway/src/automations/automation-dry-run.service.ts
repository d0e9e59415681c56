import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { AutomationDryRun, RequestContext } from '@warden/contracts';
import type { Principal } from '../auth/principal';
import { OrderAccessService } from '../orders/order-access.service';

/** A dry run shows facts of the order (its company, department, status): only of an order the caller sees, else 404. */
@Injectable()
export class AutomationDryRunService {
  constructor(
    private readonly bus: BusClient,
    private readonly orders: OrderAccessService,
  ) {}

  async dryRun(principal: Principal, ctx: RequestContext, ruleId: string, orderId: string): Promise<AutomationDryRun> {
    await this.orders.visible(principal, ctx, orderId);
    return this.bus.request('workflow.automations.dry-run', ctx, { ruleId, orderId });
  }
}
