import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import { EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1, PresenceChangedV1, WorkScheduleChangedV1 } from '@warden/contracts';
import type { PersonSnapshotV1 } from '@warden/contracts';
import { InquiryRepository } from '../inquiries/inquiry.repository';
import { RoutingRepository } from '../routing/routing.repository';
import { InquiryRouter } from '../routing/inquiry.router';
import { lockTenantRouting } from '../shared/tenant-lock';
import { ReadModelRepository } from './read-model.repository';

function fullName(person: PersonSnapshotV1): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ');
}

/**
 * Employees, their presence and work schedules, from identity. Coming online or a new schedule may let
 * the queue drain; a deleted employee's open inquiries go back to the queue (nobody else would ever
 * answer them).
 */
@Injectable()
export class IdentityEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly readModels: ReadModelRepository,
    private readonly routing: InquiryRouter,
    private readonly inquiries: InquiryRepository,
    private readonly load: RoutingRepository,
  ) {}

  onModuleInit(): void {
    const upsert = async (tenantId: string, person: PersonSnapshotV1, manager: EntityManager): Promise<void> => {
      if (person.kind !== 'employee') return;
      await this.readModels.upsertEmployee(manager, tenantId, person.personId, fullName(person));
    };
    this.events.on(EmployeeCreatedV1, (event, manager) => upsert(event.tenantid, event.data, manager));
    this.events.on(EmployeeUpdatedV1, (event, manager) => upsert(event.tenantid, event.data, manager));
    this.events.on(EmployeeDeletedV1, async (event, manager) => {
      const tenantId = event.tenantid;
      await lockTenantRouting(manager, tenantId);
      await this.readModels.deleteEmployee(manager, tenantId, event.data.personId, event.data.deletedAt);
      const now = new Date();
      for (const inquiry of await this.inquiries.assignedTo(manager, tenantId, event.data.personId)) {
        await this.routing.requeue(manager, tenantId, inquiry, 'assignee-deleted', now);
      }
      await this.routing.drain(manager, tenantId);
    });
    this.events.on(PresenceChangedV1, async (event, manager) => {
      const online = event.data.presence === 'online';
      const changed = await this.readModels.setPresence(manager, event.tenantid, event.data.personId, online, event.data.at);
      if (changed && online) await this.routing.drain(manager, event.tenantid);
    });
    this.events.on(WorkScheduleChangedV1, async (event, manager) => {
      const { personId, schedule, version } = event.data;
      const applied = await this.readModels.setSchedule(manager, event.tenantid, personId, schedule ?? null, version);
      if (applied && (await this.load.settings(manager, event.tenantid)).useWorkSchedules)
        await this.routing.drain(manager, event.tenantid);
    });
  }
}
