import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { EquipmentTreeNode, EquipmentView } from '@warden/contracts';
import { CreateEquipmentCommand } from './create-equipment.handler';
import { DeleteEquipmentCommand } from './delete-equipment.handler';
import { GetEquipmentTreeQuery } from './get-equipment-tree.handler';
import { GetEquipmentQuery } from './get-equipment.handler';
import { UpdateEquipmentCommand } from './update-equipment.handler';

/** The equipment RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class EquipmentMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('directory.equipment.tree')
  tree(@Payload() message: RpcMessage<'directory.equipment.tree'>): Promise<EquipmentTreeNode[]> {
    return this.queries.execute(new GetEquipmentTreeQuery(message.ctx.tenantId, message.data.companyId));
  }

  @RpcHandler('directory.equipment.get')
  get(@Payload() message: RpcMessage<'directory.equipment.get'>): Promise<EquipmentView> {
    return this.queries.execute(new GetEquipmentQuery(message.ctx.tenantId, message.data.equipmentId));
  }

  @RpcHandler('directory.equipment.create')
  create(@Payload() message: RpcMessage<'directory.equipment.create'>): Promise<EquipmentView> {
    return this.commands.execute(new CreateEquipmentCommand(message.ctx, message.data));
  }

  @RpcHandler('directory.equipment.update')
  update(@Payload() message: RpcMessage<'directory.equipment.update'>): Promise<EquipmentView> {
    return this.commands.execute(new UpdateEquipmentCommand(message.ctx, message.data.equipmentId, message.data.changes));
  }

  @RpcHandler('directory.equipment.delete')
  delete(@Payload() message: RpcMessage<'directory.equipment.delete'>): Promise<{ deleted: true }> {
    return this.commands.execute(new DeleteEquipmentCommand(message.ctx, message.data.equipmentId));
  }
}
