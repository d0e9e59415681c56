import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EquipmentChanges, EquipmentFields, EquipmentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { EquipmentErrors } from './equipment.errors';
import { equipmentUpdated } from './equipment.events';
import { checkParent } from './equipment.record';
import { EquipmentRepository } from './equipment.repository';

export class UpdateEquipmentCommand extends Command<EquipmentView> {
  constructor(
    readonly ctx: RequestContext,
    readonly equipmentId: string,
    readonly changes: EquipmentChanges,
  ) {
    super();
  }
}

/** Moving a node moves its subtree (children keep pointing at it); a node never moves under itself or a descendant. */
@CommandHandler(UpdateEquipmentCommand)
export class UpdateEquipmentHandler implements ICommandHandler<UpdateEquipmentCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly equipment: EquipmentRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, equipmentId, changes }: UpdateEquipmentCommand): Promise<EquipmentView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.equipment.find(manager, tenantId, equipmentId);
      if (!current) throw EquipmentErrors.notFound();
      await this.equipment.lockCompanyTree(manager, tenantId, current.companyId);
      const parentId = changes.parentId === undefined ? current.parentId : changes.parentId;
      if (parentId && parentId !== current.parentId) {
        await checkParent(this.equipment, manager, tenantId, current.companyId, parentId);
        if (await this.equipment.isInSubtree(manager, tenantId, equipmentId, parentId)) throw EquipmentErrors.cycle();
      }
      const pick = (field: Exclude<keyof EquipmentFields, 'name'>): string | null =>
        changes[field] === undefined ? current[field] : changes[field];
      const node = await this.equipment.update(manager, tenantId, {
        id: equipmentId,
        companyId: current.companyId,
        parentId,
        name: changes.name ?? current.name,
        kind: pick('kind'),
        serialNumber: pick('serialNumber'),
        location: pick('location'),
        notes: pick('notes'),
      });
      await this.events.publish(equipmentUpdated(tenantId, node), manager);
      return node;
    });
  }
}
