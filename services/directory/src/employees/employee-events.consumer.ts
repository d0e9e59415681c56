import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1 } from '@warden/contracts';
import type { CloudEvent, PersonSnapshotV1 } from '@warden/contracts';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import { EmployeeRepository } from './employee.repository';

function fullName(snapshot: PersonSnapshotV1): string {
  return [snapshot.lastName, snapshot.firstName, snapshot.middleName].filter((part) => part).join(' ');
}

/** Keeps the employee read model from identity's events; the inbox makes redeliveries no-ops. */
@Injectable()
export class EmployeeEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly employees: EmployeeRepository,
  ) {}

  onModuleInit(): void {
    const apply = (event: CloudEvent<PersonSnapshotV1>, manager: EntityManager): Promise<void> =>
      this.employees.upsert(manager, {
        tenantId: event.tenantid,
        personId: event.data.personId,
        kind: event.data.kind,
        fullName: fullName(event.data),
        email: event.data.email,
        deletedAt: null,
        sourceTime: new Date(event.time),
      });
    this.events.on(EmployeeCreatedV1, apply);
    this.events.on(EmployeeUpdatedV1, apply);
    this.events.on(EmployeeDeletedV1, (event, manager) =>
      this.employees.markDeleted(manager, event.tenantid, event.data.personId, new Date(event.data.deletedAt)),
    );
  }
}
