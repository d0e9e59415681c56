import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { EquipmentTreeNode, EquipmentView } from '@warden/contracts';
import { EquipmentService } from './equipment.service';

@Controller()
export class EquipmentMessages {
  constructor(private readonly equipment: EquipmentService) {}

  @RpcHandler('directory.equipment.tree')
  tree(@Payload() message: RpcMessage<'directory.equipment.tree'>): Promise<EquipmentTreeNode[]> {
    return this.equipment.tree(message.ctx.tenantId, message.data.companyId);
  }

  @RpcHandler('directory.equipment.get')
  get(@Payload() message: RpcMessage<'directory.equipment.get'>): Promise<EquipmentView> {
    return this.equipment.get(message.ctx.tenantId, message.data.equipmentId);
  }

  @RpcHandler('directory.equipment.create')
  create(@Payload() message: RpcMessage<'directory.equipment.create'>): Promise<EquipmentView> {
    return this.equipment.create(message.ctx.tenantId, message.data);
  }

  @RpcHandler('directory.equipment.update')
  update(@Payload() message: RpcMessage<'directory.equipment.update'>): Promise<EquipmentView> {
    return this.equipment.update(message.ctx.tenantId, message.data.equipmentId, message.data.changes);
  }

  @RpcHandler('directory.equipment.delete')
  delete(@Payload() message: RpcMessage<'directory.equipment.delete'>): Promise<{ deleted: true }> {
    return this.equipment.delete(message.ctx.tenantId, message.data.equipmentId);
  }
}
