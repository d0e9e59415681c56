import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { unique } from '../shared/text';
import { EmployeeErrors } from './employee.errors';
import { EmployeeRepository } from './employee.repository';

/**
 * Answers "is this id an employee of this tenant?" from the read model. An id the read model has never
 * heard of may simply be newer than the last event consumed (an employee created a moment ago), so
 * identity is asked once for those before refusing; the answer is kept in the read model.
 */
@Injectable()
export class EmployeeCheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly bus: BusClient,
  ) {}

  /** Throws a 422 naming `field` unless every id is a current employee of the tenant. */
  async requireEmployees(ctx: RequestContext, personIds: readonly string[], field: string): Promise<void> {
    const ids = unique(personIds.map((id) => id.toLowerCase()));
    if (ids.length === 0) return;
    const manager = this.dataSource.manager;
    const states = await this.employees.employeeStates(manager, ctx.tenantId, ids);
    // Known but not active (deleted, or a contact): the read model's answer stands.
    if (ids.some((id) => states.get(id) === false)) throw EmployeeErrors.notEmployee(field);
    const missing = ids.filter((id) => !states.has(id));
    for (const personId of missing) {
      if (!(await this.askIdentity(ctx, personId))) throw EmployeeErrors.notEmployee(field);
    }
  }

  /** Throws 404 unless the person is a current employee of the tenant (for routes addressed by staff id). */
  async requireEmployeeExists(ctx: RequestContext, personId: string): Promise<void> {
    try {
      await this.requireEmployees(ctx, [personId], 'id');
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'validation') throw EmployeeErrors.notFound();
      throw error;
    }
  }

  private async askIdentity(ctx: RequestContext, personId: string): Promise<boolean> {
    try {
      const staff = await this.bus.request('identity.staff.get', ctx, { personId });
      await this.employees.upsert(this.dataSource.manager, {
        tenantId: ctx.tenantId,
        personId: staff.id,
        kind: staff.kind,
        fullName: staff.fullName,
        email: staff.email,
        deletedAt: staff.deletedAt ? new Date(staff.deletedAt) : null,
        sourceTime: new Date(staff.updatedAt),
      });
      return staff.kind === 'employee' && staff.deletedAt === null;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return false;
      throw error;
    }
  }
}
