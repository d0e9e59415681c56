import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { TenantCreatedV1 } from '@warden/contracts';
import type { CreateTenantData, StaffView, TenantView } from '@warden/contracts';
import { newPersonFields } from '../../people/person.fields';
import { toStaffView } from '../../people/person.mapper';
import { PasswordHasher } from '../../people/password.hasher';
import { PersonRepository } from '../../people/person.repository';
import { employeeCreated } from '../../staff/staff.events';
import { TenantRepository, toTenantView } from '../tenant.repository';

/** A tenant and its first administrator, who can sign in at once; one transaction, both events. */
@Injectable()
export class CreateTenantHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly people: PersonRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(data: CreateTenantData): Promise<{ tenant: TenantView; administrator: StaffView }> {
    const { slug, name } = data;
    const fields = newPersonFields(data.administrator);
    const passwordHash = await this.hasher.hash(data.administrator.password);
    return this.dataSource.transaction(async (manager) => {
      const tenant = await this.tenants.insert(manager, { id: newId(), slug, name });
      const administrator = await this.people.insert(manager, { id: newId(), tenantId: tenant.id, kind: 'employee', ...fields, passwordHash });
      await this.outbox.add(manager, {
        contract: TenantCreatedV1,
        tenantId: tenant.id,
        subject: tenant.id,
        data: { tenantId: tenant.id, slug: tenant.slug, name: tenant.name, administratorId: administrator.id },
      });
      await this.outbox.add(manager, employeeCreated(administrator, []));
      return { tenant: toTenantView(tenant), administrator: toStaffView(administrator) };
    });
  }
}
