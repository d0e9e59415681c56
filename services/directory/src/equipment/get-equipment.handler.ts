import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EquipmentView } from '@warden/contracts';
import { EquipmentErrors } from './equipment.errors';
import { EquipmentRepository } from './equipment.repository';

export class GetEquipmentQuery extends Query<EquipmentView> {
  constructor(
    readonly tenantId: string,
    readonly equipmentId: string,
  ) {
    super();
  }
}

@QueryHandler(GetEquipmentQuery)
export class GetEquipmentHandler implements IQueryHandler<GetEquipmentQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly equipment: EquipmentRepository,
  ) {}

  async execute({ tenantId, equipmentId }: GetEquipmentQuery): Promise<EquipmentView> {
    const node = await this.equipment.find(this.dataSource.manager, tenantId, equipmentId);
    if (!node) throw EquipmentErrors.notFound();
    return node;
  }
}
