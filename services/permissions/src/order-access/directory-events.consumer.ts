import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import {
  CompanyClientManagersChangedV1,
  ContactCreatedV1,
  ContactUpdatedV1,
  DepartmentCreatedV1,
  DepartmentDeletedV1,
  DepartmentUpdatedV1,
} from '@warden/contracts';
import type { ContactSnapshotV1, DepartmentSnapshotV1 } from '@warden/contracts';
import { PolicyVersions } from '../policy/policy-versions';
import { placeContact } from './contact-company.record';
import { departmentViewers } from './order-visibility.policy';
import { OrderVisibilityRepository } from './order-visibility.repository';

/**
 * Keeps the department, client-manager and contact-company read models in step with the directory. Whoever joins
 * or leaves (or becomes or stops being the head) changes which orders they see, so the policy version goes up for exactly those people
 * in the same transaction, and the gateways drop their cached decisions. A membership change also
 * changes which tasks the department's other members see (`tasks.read-department`: tasks in which a
 * member takes part), so they are named too.
 */
@Injectable()
export class DirectoryEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly repository: OrderVisibilityRepository,
    private readonly policy: PolicyVersions,
  ) {}

  onModuleInit(): void {
    // Snapshots, not membership deltas: who sees a department's items is its members and its head, and a
    // snapshot carries both (the directory publishes one with every membership or head change).
    const department = async (tenantId: string, data: DepartmentSnapshotV1, manager: EntityManager): Promise<void> => {
      const viewers = departmentViewers(data);
      const changed = await this.repository.replacePeople(manager, tenantId, 'department', data.departmentId, viewers, data.at);
      await this.bump(manager, tenantId, changed && changed.length > 0 ? [...changed, ...viewers] : changed, 'department.membership');
    };
    this.events.on(DepartmentCreatedV1, (event, manager) => department(event.tenantid, event.data, manager));
    this.events.on(DepartmentUpdatedV1, (event, manager) => department(event.tenantid, event.data, manager));

    this.events.on(DepartmentDeletedV1, async (event, manager) => {
      const removed = await this.repository.remove(manager, event.tenantid, 'department', event.data.departmentId, event.data.at);
      await this.bump(manager, event.tenantid, removed, 'department.deleted');
    });

    this.events.on(CompanyClientManagersChangedV1, async (event, manager) => {
      const { companyId, clientManagerIds, at } = event.data;
      const changed = await this.repository.replacePeople(manager, event.tenantid, 'company', companyId, clientManagerIds, at);
      await this.bump(manager, event.tenantid, changed, 'company.client-managers');
    });
    const contact = async (tenantId: string, data: ContactSnapshotV1, manager: EntityManager): Promise<void> => {
      await placeContact(manager, { visibility: this.repository, policy: this.policy }, tenantId, data.contactId, data.companyId, data.at);
    };
    this.events.on(ContactCreatedV1, (event, manager) => contact(event.tenantid, event.data, manager));
    this.events.on(ContactUpdatedV1, (event, manager) => contact(event.tenantid, event.data, manager));
  }

  private async bump(manager: EntityManager, tenantId: string, people: string[] | null, change: string): Promise<void> {
    if (people && people.length > 0) await this.policy.bump(manager, tenantId, people, change);
  }
}
