import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EquipmentTreeNode } from '@warden/contracts';
import { CompanyErrors } from '../companies/company.errors';
import { CompanyRepository } from '../companies/company.repository';
import { EquipmentRepository } from './equipment.repository';
import { buildTree } from './equipment.tree';

export class GetEquipmentTreeQuery extends Query<EquipmentTreeNode[]> {
  constructor(
    readonly tenantId: string,
    readonly companyId: string,
  ) {
    super();
  }
}

/** A company's equipment as a tree, roots first. */
@QueryHandler(GetEquipmentTreeQuery)
export class GetEquipmentTreeHandler implements IQueryHandler<GetEquipmentTreeQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly equipment: EquipmentRepository,
    private readonly companies: CompanyRepository,
  ) {}

  async execute({ tenantId, companyId }: GetEquipmentTreeQuery): Promise<EquipmentTreeNode[]> {
    const manager = this.dataSource.manager;
    if (!(await this.companies.exists(manager, tenantId, companyId))) throw CompanyErrors.notFound();
    return buildTree(await this.equipment.ofCompany(manager, tenantId, companyId));
  }
}
