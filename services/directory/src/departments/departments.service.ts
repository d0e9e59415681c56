import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { AuditRecorder, OutboxWriter, resourceValues } from '@warden/messaging';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import type { DepartmentChanges, DepartmentInput, DepartmentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { EmployeeCheck } from '../employees/employee.check';
import { unique } from '../shared/text';
import { DepartmentErrors } from './department.errors';
import { departmentCreated, departmentDeleted, departmentUpdated, membershipChanged } from './department.events';
import { DepartmentRepository } from './department.repository';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly employees: EmployeeCheck,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditRecorder,
  ) {}

  list(tenantId: string): Promise<DepartmentView[]> {
    return this.departments.list(this.dataSource.manager, tenantId);
  }

  async get(tenantId: string, departmentId: string): Promise<DepartmentView> {
    const department = await this.departments.find(this.dataSource.manager, tenantId, departmentId);
    if (!department) throw DepartmentErrors.notFound();
    return department;
  }

  async create(ctx: RequestContext, input: DepartmentInput): Promise<DepartmentView> {
    const headId = input.headId ?? null;
    const memberIds = unique(input.memberIds ?? []);
    if (headId) await this.employees.requireEmployees(ctx, [headId], 'headId');
    await this.employees.requireEmployees(ctx, memberIds, 'memberIds');
    const id = newId();
    return this.write(async (manager) => {
      await this.departments.insert(manager, ctx.tenantId, id, input.name, headId);
      await this.departments.addMembers(manager, ctx.tenantId, id, memberIds);
      const department = (await this.departments.find(manager, ctx.tenantId, id))!;
      await this.publish(manager, departmentCreated(ctx.tenantId, department), membershipChanged(ctx.tenantId, [], department));
      await this.audit.record(manager, ctx.tenantId, { action: 'department.created', resource: { type: 'department', id }, before: null, after: resourceValues(department) });
      return department;
    });
  }

  async update(ctx: RequestContext, departmentId: string, changes: DepartmentChanges): Promise<DepartmentView> {
    const headId = changes.headId;
    const memberIds = changes.memberIds === undefined ? undefined : unique(changes.memberIds);
    if (headId) await this.employees.requireEmployees(ctx, [headId], 'headId');
    if (memberIds) await this.employees.requireEmployees(ctx, memberIds, 'memberIds');
    return this.write(async (manager) => {
      const before = await this.departments.find(manager, ctx.tenantId, departmentId, true);
      if (!before) throw DepartmentErrors.notFound();
      await this.departments.update(manager, ctx.tenantId, departmentId, changes.name ?? before.name, headId === undefined ? before.headId : headId);
      if (memberIds) {
        await this.departments.removeMembers(manager, ctx.tenantId, departmentId, before.memberIds.filter((id) => !memberIds.includes(id)));
        await this.departments.addMembers(manager, ctx.tenantId, departmentId, memberIds);
      }
      const after = (await this.departments.find(manager, ctx.tenantId, departmentId))!;
      await this.publish(manager, departmentUpdated(ctx.tenantId, after), membershipChanged(ctx.tenantId, before.memberIds, after));
      await this.audit.record(manager, ctx.tenantId, { action: 'department.updated', resource: { type: 'department', id: departmentId }, before: resourceValues(before), after: resourceValues(after) });
      return after;
    });
  }

  async addMembers(ctx: RequestContext, departmentId: string, personIds: string[]): Promise<DepartmentView> {
    const ids = unique(personIds);
    await this.employees.requireEmployees(ctx, ids, 'personIds');
    return this.changeMembers(ctx.tenantId, departmentId, (manager) => this.departments.addMembers(manager, ctx.tenantId, departmentId, ids));
  }

  async removeMembers(tenantId: string, departmentId: string, personIds: string[]): Promise<DepartmentView> {
    const ids = unique(personIds);
    return this.changeMembers(tenantId, departmentId, (manager) => this.departments.removeMembers(manager, tenantId, departmentId, ids));
  }

  async delete(tenantId: string, departmentId: string): Promise<{ deleted: true }> {
    return this.write(async (manager) => {
      const department = await this.departments.find(manager, tenantId, departmentId, true);
      if (!department) throw DepartmentErrors.notFound();
      await this.departments.delete(manager, tenantId, departmentId);
      await this.outbox.add(manager, departmentDeleted(tenantId, department));
      await this.audit.record(manager, tenantId, { action: 'department.deleted', resource: { type: 'department', id: departmentId }, before: resourceValues(department), after: null });
      return { deleted: true as const };
    });
  }

  private async changeMembers(tenantId: string, departmentId: string, change: (manager: EntityManager) => Promise<void>): Promise<DepartmentView> {
    return this.write(async (manager) => {
      const before = await this.departments.find(manager, tenantId, departmentId, true);
      if (!before) throw DepartmentErrors.notFound();
      await change(manager);
      let after = (await this.departments.find(manager, tenantId, departmentId))!;
      const event = membershipChanged(tenantId, before.memberIds, after);
      if (event) {
        await this.departments.touch(manager, tenantId, departmentId);
        after = (await this.departments.find(manager, tenantId, departmentId))!;
        await this.publish(manager, departmentUpdated(tenantId, after), membershipChanged(tenantId, before.memberIds, after));
        await this.audit.record(manager, tenantId, { action: 'department.updated', resource: { type: 'department', id: departmentId }, before: resourceValues(before), after: resourceValues(after) });
      }
      return after;
    });
  }

  private async publish(manager: EntityManager, ...events: Array<OutgoingEvent<object> | null>): Promise<void> {
    await this.outbox.add(manager, ...events.filter((event): event is OutgoingEvent<object> => event !== null));
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'departments_name_key')) throw DepartmentErrors.nameTaken();
      if (isForeignKeyViolation(error)) throw DepartmentErrors.inUse();
      throw error;
    }
  }
}
