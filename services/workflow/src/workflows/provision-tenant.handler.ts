import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { AuditRecorder } from '@warden/messaging';
import type { OutgoingEvent, WorkflowView } from '@warden/contracts';
import { DEFAULT_ORDER_WORKFLOW } from './default-order-workflow';
import { publishWorkflow, writeStatuses } from './workflow.record';
import { WorkflowRepository } from './workflow.repository';

/**
 * Creates the tenant's default order workflow once; a second call (event and RPC both arrive) returns it.
 * `manager`: a transaction to provision in (the tenant-created event's), else one of its own.
 */
export class ProvisionTenantCommand extends Command<WorkflowView> {
  constructor(
    readonly tenantId: string,
    readonly manager?: EntityManager,
  ) {
    super();
  }
}

@CommandHandler(ProvisionTenantCommand)
export class ProvisionTenantHandler implements ICommandHandler<ProvisionTenantCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  execute({ tenantId, manager }: ProvisionTenantCommand): Promise<WorkflowView> {
    const run = async (tx: EntityManager): Promise<WorkflowView> => {
      const id = newId();
      const created = await this.workflows.insertWorkflow(tx, tenantId, {
        id,
        name: DEFAULT_ORDER_WORKFLOW.name,
        kind: 'order',
        free: true,
        isDefault: true,
      });
      if (!created) {
        const existing = await this.workflows.defaultOrderWorkflowId(tenantId, tx);
        return (await this.workflows.get(tenantId, existing!, tx))!;
      }
      await writeStatuses(this.workflows, tx, tenantId, id, DEFAULT_ORDER_WORKFLOW.statuses, []);
      return publishWorkflow({ workflows: this.workflows, events: this.events, audit: this.audit }, tx, tenantId, id);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
