import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { AuditRecorder, OutboxWriter, resourceValues } from '@warden/messaging';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import type { BranchChanges, BranchInput, BranchView } from '@warden/contracts';
import { isIanaTimeZone } from '../shared/time-zone';
import { BranchErrors } from './branch.errors';
import { branchCreated, branchDeleted, branchUpdated } from './branch.events';
import { BranchRepository } from './branch.repository';
import type { BranchRecord } from './branch.repository';

function checked(id: string, input: BranchInput): BranchRecord {
  if (!isIanaTimeZone(input.timeZone)) throw BranchErrors.badTimeZone();
  return { id, name: input.name, address: input.address ?? null, timeZone: input.timeZone };
}

@Injectable()
export class BranchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditRecorder,
  ) {}

  list(tenantId: string): Promise<BranchView[]> {
    return this.branches.list(this.dataSource.manager, tenantId);
  }

  async get(tenantId: string, branchId: string): Promise<BranchView> {
    const branch = await this.branches.find(this.dataSource.manager, tenantId, branchId);
    if (!branch) throw BranchErrors.notFound();
    return branch;
  }

  async create(tenantId: string, input: BranchInput): Promise<BranchView> {
    const record = checked(newId(), input);
    return this.write(async (manager) => {
      const branch = await this.branches.insert(manager, tenantId, record);
      await this.outbox.add(manager, branchCreated(tenantId, branch));
      await this.audit.record(manager, tenantId, { action: 'branch.created', resource: { type: 'branch', id: branch.id }, before: null, after: resourceValues(branch) });
      return branch;
    });
  }

  async update(tenantId: string, branchId: string, changes: BranchChanges): Promise<BranchView> {
    return this.write(async (manager) => {
      const current = await this.branches.find(manager, tenantId, branchId, true);
      if (!current) throw BranchErrors.notFound();
      const record = checked(branchId, {
        name: changes.name ?? current.name,
        address: changes.address === undefined ? current.address : changes.address,
        timeZone: changes.timeZone ?? current.timeZone,
      });
      const branch = await this.branches.update(manager, tenantId, record);
      await this.outbox.add(manager, branchUpdated(tenantId, branch));
      await this.audit.record(manager, tenantId, { action: 'branch.updated', resource: { type: 'branch', id: branchId }, before: resourceValues(current), after: resourceValues(branch) });
      return branch;
    });
  }

  async delete(tenantId: string, branchId: string): Promise<{ deleted: true }> {
    return this.write(async (manager) => {
      const current = await this.branches.find(manager, tenantId, branchId, true);
      if (!current) throw BranchErrors.notFound();
      await this.branches.delete(manager, tenantId, branchId);
      await this.outbox.add(manager, branchDeleted(tenantId, branchId));
      await this.audit.record(manager, tenantId, { action: 'branch.deleted', resource: { type: 'branch', id: branchId }, before: resourceValues(current), after: null });
      return { deleted: true as const };
    });
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'branches_name_key')) throw BranchErrors.nameTaken();
      if (isForeignKeyViolation(error)) throw BranchErrors.inUse();
      throw error;
    }
  }
}
