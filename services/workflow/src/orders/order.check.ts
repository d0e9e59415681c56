import type { EntityManager } from 'typeorm';
import type { OrderView } from '@warden/contracts';
import { WorkflowErrors } from '../workflows/workflow.errors';
import type { WorkflowRepository } from '../workflows/workflow.repository';
import { OrderErrors } from './order.errors';
import type { OrderRepository } from './order.repository';

/** The order of the tenant, or ORDER.NOT_FOUND; `lock` holds its row until the transaction ends (OrderRepository.get). */
export async function existingOrder(
  orders: OrderRepository,
  tenantId: string,
  orderId: string,
  manager?: EntityManager,
  lock = false,
): Promise<OrderView> {
  const order = await orders.get(tenantId, orderId, manager, lock);
  if (!order) throw OrderErrors.notFound();
  return order;
}

/** The named order workflow of the tenant, or its default one. */
export async function orderWorkflow(
  orders: OrderRepository,
  workflows: WorkflowRepository,
  manager: EntityManager,
  tenantId: string,
  workflowId: string | undefined,
): Promise<string> {
  if (workflowId !== undefined) {
    if (!(await orders.orderWorkflowExists(tenantId, workflowId, manager))) throw OrderErrors.unknownWorkflow();
    return workflowId;
  }
  const fallback = await workflows.defaultOrderWorkflowId(tenantId, manager);
  if (!fallback) throw WorkflowErrors.noDefault();
  return fallback;
}
