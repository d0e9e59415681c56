import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import { ContactCreatedV1, ContactUpdatedV1, EmployeeBranchesChangedV1 } from '@warden/contracts';
import type { ContactSnapshotV1 } from '@warden/contracts';
import { InquiryRouter } from '../routing/inquiry.router';
import { ReadModelRepository } from './read-model.repository';

/** Employees' branch access and contacts (responsible employee, branch, portal login), from directory. */
@Injectable()
export class DirectoryEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly readModels: ReadModelRepository,
    private readonly routing: InquiryRouter,
  ) {}

  onModuleInit(): void {
    this.events.on(EmployeeBranchesChangedV1, async (event, manager) => {
      await this.readModels.setBranches(manager, event.tenantid, event.data.personId, event.data);
      await this.routing.drain(manager, event.tenantid);
    });
    const contact = async (tenantId: string, data: ContactSnapshotV1, manager: EntityManager): Promise<void> => {
      await this.readModels.upsertContact(
        manager,
        tenantId,
        {
          contactId: data.contactId,
          fullName: [data.lastName, data.firstName, data.middleName].filter(Boolean).join(' '),
          responsibleEmployeeId: data.responsibleEmployeeId,
          branchId: data.branchId,
          portalPersonId: data.portalPersonId,
        },
        data.at,
      );
      await this.routing.drain(manager, tenantId);
    };
    this.events.on(ContactCreatedV1, (event, manager) => contact(event.tenantid, event.data, manager));
    this.events.on(ContactUpdatedV1, (event, manager) => contact(event.tenantid, event.data, manager));
  }
}
