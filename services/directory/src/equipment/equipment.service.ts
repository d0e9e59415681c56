import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { EquipmentCreatedV1, EquipmentDeletedV1, EquipmentUpdatedV1 } from '@warden/contracts';
import type { CreateEquipmentData, EquipmentChanges, EquipmentFields, EquipmentSnapshotV1, EquipmentTreeNode, EquipmentView, OutgoingEvent } from '@warden/contracts';
import { CompanyErrors } from '../companies/company.errors';
import { CompanyRepository } from '../companies/company.repository';
import { EquipmentErrors } from './equipment.errors';
import { EquipmentRepository } from './equipment.repository';
import type { EquipmentRecord } from './equipment.repository';
import { buildTree } from './equipment.tree';

function snapshotEvent(contract: typeof EquipmentCreatedV1 | typeof EquipmentUpdatedV1, tenantId: string, node: EquipmentView): OutgoingEvent<EquipmentSnapshotV1> {
  const { id, createdAt: _createdAt, updatedAt, ...rest } = node;
  return { contract, tenantId, subject: id, data: { equipmentId: id, ...rest, at: updatedAt } };
}

/** A tree of equipment per company. Moving a node moves its subtree (children keep pointing at it). */
@Injectable()
export class EquipmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly equipment: EquipmentRepository,
    private readonly companies: CompanyRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async tree(tenantId: string, companyId: string): Promise<EquipmentTreeNode[]> {
    const manager = this.dataSource.manager;
    if (!(await this.companies.exists(manager, tenantId, companyId))) throw CompanyErrors.notFound();
    return buildTree(await this.equipment.ofCompany(manager, tenantId, companyId));
  }

  async get(tenantId: string, equipmentId: string): Promise<EquipmentView> {
    const node = await this.equipment.find(this.dataSource.manager, tenantId, equipmentId);
    if (!node) throw EquipmentErrors.notFound();
    return node;
  }

  async create(tenantId: string, input: CreateEquipmentData): Promise<EquipmentView> {
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
      if (record.parentId) await this.checkParent(manager, tenantId, companyId, record.parentId);
      const node = await this.equipment.insert(manager, tenantId, record);
      await this.outbox.add(manager, snapshotEvent(EquipmentCreatedV1, tenantId, node));
      return node;
    });
  }

  async update(tenantId: string, equipmentId: string, changes: EquipmentChanges): Promise<EquipmentView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.equipment.find(manager, tenantId, equipmentId);
      if (!current) throw EquipmentErrors.notFound();
      await this.equipment.lockCompanyTree(manager, tenantId, current.companyId);
      const parentId = changes.parentId === undefined ? current.parentId : changes.parentId;
      if (parentId && parentId !== current.parentId) {
        await this.checkParent(manager, tenantId, current.companyId, parentId);
        if (await this.equipment.isInSubtree(manager, tenantId, equipmentId, parentId)) throw EquipmentErrors.cycle();
      }
      const pick = (field: Exclude<keyof EquipmentFields, 'name'>): string | null => (changes[field] === undefined ? current[field] : changes[field]);
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
      await this.outbox.add(manager, snapshotEvent(EquipmentUpdatedV1, tenantId, node));
      return node;
    });
  }

  async delete(tenantId: string, equipmentId: string): Promise<{ deleted: true }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.equipment.find(manager, tenantId, equipmentId);
      if (!current) throw EquipmentErrors.notFound();
      await this.equipment.lockCompanyTree(manager, tenantId, current.companyId);
      if (await this.equipment.hasChildren(manager, tenantId, equipmentId)) throw EquipmentErrors.hasChildren();
      await this.equipment.delete(manager, tenantId, equipmentId);
      await this.outbox.add(manager, {
        contract: EquipmentDeletedV1,
        tenantId,
        subject: equipmentId,
        data: { equipmentId, companyId: current.companyId, at: new Date().toISOString() },
      });
      return { deleted: true as const };
    });
  }

  private async checkParent(manager: EntityManager, tenantId: string, companyId: string, parentId: string): Promise<void> {
    const parent = await this.equipment.find(manager, tenantId, parentId);
    if (!parent) throw EquipmentErrors.parentUnknown();
    if (parent.companyId !== companyId) throw EquipmentErrors.parentOfOtherCompany();
  }
}
