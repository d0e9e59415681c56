import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import { CompanyClientManagersChangedV1, DepartmentDeletedV1, DepartmentMembershipChangedV1 } from '@warden/contracts';
import { PolicyVersions } from '../policy/policy-versions';
import { OrderVisibilityRepository } from './order-visibility.repository';

/**
 * Keeps the department and client-manager read models in step with the directory. Whoever joins
 * or leaves changes which orders they see, so the policy version goes up for exactly those people
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
    this.events.on(DepartmentMembershipChangedV1, async (event, manager) => {
      const { departmentId, memberIds, at } = event.data;
      const changed = await this.repository.replacePeople(manager, event.tenantid, 'department', departmentId, memberIds, at);
      await this.bump(manager, event.tenantid, changed && changed.length > 0 ? [...changed, ...memberIds] : changed, 'department.membership');
    });

    this.events.on(DepartmentDeletedV1, async (event, manager) => {
      const removed = await this.repository.remove(manager, event.tenantid, 'department', event.data.departmentId, event.data.at);
      await this.bump(manager, event.tenantid, removed, 'department.deleted');
    });

    this.events.on(CompanyClientManagersChangedV1, async (event, manager) => {
      const { companyId, clientManagerIds, at } = event.data;
      const changed = await this.repository.replacePeople(manager, event.tenantid, 'company', companyId, clientManagerIds, at);
      await this.bump(manager, event.tenantid, changed, 'company.client-managers');
    });
  }

  private async bump(manager: EntityManager, tenantId: string, people: string[] | null, change: string): Promise<void> {
    if (people && people.length > 0) await this.policy.bump(manager, tenantId, people, change);
  }
}
