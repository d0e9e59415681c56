import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1, TenantCreatedV1 } from '@warden/contracts';
import type { OutgoingEvent } from '@warden/contracts';
import { EventSubscriber } from '@warden/messaging';
import { GroupsRepository } from '../groups/groups.repository';
import { applyMemberships } from '../groups/memberships.record';
import type { MembershipWriters } from '../groups/memberships.record';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { provisionTenant } from './provisioning.record';

/**
 * Identity's facts that decisions depend on. Each handler runs in the inbox transaction, so a
 * redelivered event changes nothing; each is also idempotent with the synchronous RPC path that
 * usually got there first.
 */
@Injectable()
export class IdentityEventsConsumer implements OnModuleInit {
  private readonly logger = new Logger(IdentityEventsConsumer.name);

  private readonly writers: MembershipWriters;

  constructor(
    private readonly events: EventSubscriber,
    groups: GroupsRepository,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    eventBus: EventBus<OutgoingEvent>,
  ) {
    this.writers = { groups, persons, policy, events: eventBus };
  }

  onModuleInit(): void {
    this.events.on(TenantCreatedV1, async (event, manager) => {
      await provisionTenant(manager, this.writers, event.tenantid, event.data.administratorId);
    });

    this.events.on(EmployeeCreatedV1, async (event, manager) => {
      const { personId, kind, groupIds } = event.data;
      // Known already: the staff call set the groups synchronously, maybe changed since; keep them.
      if (await this.persons.exists(manager, event.tenantid, personId)) return;
      const result = await applyMemberships(manager, this.writers, event.tenantid, personId, groupIds, kind, 'lenient');
      if (result.groups.length === 0) this.logger.warn(`Employee ${personId} created without any group`);
    });

    this.events.on(EmployeeUpdatedV1, async (event, manager) => {
      const changed = await this.persons.upsertKind(manager, event.tenantid, event.data.personId, event.data.kind);
      // The kind decides what orders and tasks a person sees: cached facts and decisions must go.
      if (changed) await this.policy.bump(manager, event.tenantid, [event.data.personId], 'person.kind');
    });

    this.events.on(EmployeeDeletedV1, async (event, manager) => {
      const changed = await this.persons.markDeleted(manager, event.tenantid, event.data.personId, new Date(event.data.deletedAt));
      // Cached "allowed" decisions of the deleted person must go everywhere.
      if (changed) await this.policy.bump(manager, event.tenantid, [event.data.personId], 'person.deleted');
    });
  }
}
