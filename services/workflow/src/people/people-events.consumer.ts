import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import { ContactCreatedV1, ContactUpdatedV1, EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1 } from '@warden/contracts';
import type { CloudEvent, ContactSnapshotV1, PersonSnapshotV1 } from '@warden/contracts';
import { PeopleRepository } from './people.repository';

/**
 * Keeps the people read model: employees from identity's snapshots, contacts from the directory's
 * (a contact's id is also its identity person id once it gets a portal login, so one id everywhere).
 */
@Injectable()
export class PeopleEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly people: PeopleRepository,
  ) {}

  onModuleInit(): void {
    const apply = (event: CloudEvent<PersonSnapshotV1>, manager: EntityManager): Promise<void> =>
      this.people.upsert(manager, {
        tenantId: event.tenantid,
        personId: event.data.personId,
        kind: event.data.kind,
        deletedAt: null,
        sourceTime: new Date(event.time),
      });
    this.events.on(EmployeeCreatedV1, apply);
    this.events.on(EmployeeUpdatedV1, apply);
    const contact = (event: CloudEvent<ContactSnapshotV1>, manager: EntityManager): Promise<void> =>
      this.people.upsert(manager, {
        tenantId: event.tenantid,
        personId: event.data.contactId,
        kind: 'contact',
        deletedAt: null,
        sourceTime: new Date(event.data.at),
      });
    this.events.on(ContactCreatedV1, contact);
    this.events.on(ContactUpdatedV1, contact);
    this.events.on(EmployeeDeletedV1, (event, manager) =>
      this.people.markDeleted(manager, event.tenantid, event.data.personId, new Date(event.data.deletedAt)),
    );
  }
}
