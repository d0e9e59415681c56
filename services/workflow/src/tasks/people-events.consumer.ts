import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import { EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1 } from '@warden/contracts';
import type { CloudEvent, PersonSnapshotV1 } from '@warden/contracts';
import { PeopleRepository } from './people.repository';

/** Keeps the people read model from identity's person snapshots (employees and contacts alike). */
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
    this.events.on(EmployeeDeletedV1, (event, manager) =>
      this.people.markDeleted(manager, event.tenantid, event.data.personId, new Date(event.data.deletedAt)),
    );
  }
}
