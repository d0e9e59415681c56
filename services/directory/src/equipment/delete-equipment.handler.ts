import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { EquipmentErrors } from './equipment.errors';
import { equipmentDeleted } from './equipment.events';
import { EquipmentRepository } from './equipment.repository';

export class DeleteEquipmentCommand extends Command<{ deleted: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly equipmentId: string,
  ) {
    super();
  }
}

/** Refused while the node has children (EQUIPMENT.HAS_CHILDREN): they are moved or deleted first. */
@CommandHandler(DeleteEquipmentCommand)
export class DeleteEquipmentHandler implements ICommandHandler<DeleteEquipmentCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly equipment: EquipmentRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, equipmentId }: DeleteEquipmentCommand): Promise<{ deleted: true }> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.equipment.find(manager, tenantId, equipmentId);
      if (!current) throw EquipmentErrors.notFound();
      await this.equipment.lockCompanyTree(manager, tenantId, current.companyId);
      if (await this.equipment.hasChildren(manager, tenantId, equipmentId)) throw EquipmentErrors.hasChildren();
      await this.equipment.delete(manager, tenantId, equipmentId);
      await this.events.publish(equipmentDeleted(tenantId, equipmentId, current.companyId), manager);
      return { deleted: true as const };
    });
  }
}
