import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { CreateEquipmentData, EquipmentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { CompanyErrors } from '../companies/company.errors';
import { CompanyRepository } from '../companies/company.repository';
import { equipmentCreated } from './equipment.events';
import { checkParent } from './equipment.record';
import { EquipmentRepository } from './equipment.repository';
import type { EquipmentRecord } from './equipment.repository';

export class CreateEquipmentCommand extends Command<EquipmentView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: CreateEquipmentData,
  ) {
    super();
  }
}

/** A node of a company's tree, under a parent of the same company or at its root. */
@CommandHandler(CreateEquipmentCommand)
export class CreateEquipmentHandler implements ICommandHandler<CreateEquipmentCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly equipment: EquipmentRepository,
    private readonly companies: CompanyRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, input }: CreateEquipmentCommand): Promise<EquipmentView> {
    const tenantId = ctx.tenantId;
    const companyId = input.companyId;
    const record: EquipmentRecord = {
      id: newId(),
      companyId,
      parentId: input.parentId ?? null,
      name: input.name,
      kind: input.kind ?? null,
      serialNumber: input.serialNumber ?? null,
      location: input.location ?? null,
      notes: input.notes ?? null,
    };
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.companies.exists(manager, tenantId, companyId))) throw CompanyErrors.unknown('companyId');
      await this.equipment.lockCompanyTree(manager, tenantId, companyId);
      if (record.parentId) await checkParent(this.equipment, manager, tenantId, companyId, record.parentId);
      const node = await this.equipment.insert(manager, tenantId, record);
      await this.events.publish(equipmentCreated(tenantId, node), manager);
      return node;
    });
  }
}
