import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OrderStartingStatuses } from '@warden/contracts';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { orderWorkflow } from './order.check';
import { OrderRepository } from './order.repository';

export class GetInitialStatusesQuery extends Query<OrderStartingStatuses> {
  constructor(
    readonly tenantId: string,
    readonly workflowId: string | undefined,
  ) {
    super();
  }
}

/** Where a new order may start: the gateway picks the first one its creator may set. */
@QueryHandler(GetInitialStatusesQuery)
export class GetInitialStatusesHandler implements IQueryHandler<GetInitialStatusesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly workflows: WorkflowRepository,
  ) {}

  async execute({ tenantId, workflowId }: GetInitialStatusesQuery): Promise<OrderStartingStatuses> {
    const manager = this.dataSource.manager;
    const id = await orderWorkflow(this.orders, this.workflows, manager, tenantId, workflowId);
    return { workflowId: id, statuses: await this.orders.initialStatuses(tenantId, id, manager) };
  }
}
