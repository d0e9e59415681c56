import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import { CompanyCreatedV1, CompanyUpdatedV1 } from '@warden/contracts';
import type { CloudEvent, CompanySnapshotV1 } from '@warden/contracts';
import { CompaniesRepository } from './companies.repository';

/** Keeps the companies read model from the directory's company snapshots. */
@Injectable()
export class CompanyEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly companies: CompaniesRepository,
  ) {}

  onModuleInit(): void {
    const apply = (event: CloudEvent<CompanySnapshotV1>, manager: EntityManager): Promise<void> =>
      this.companies.upsert(manager, event.tenantid, event.data.companyId, event.data.name, new Date(event.data.at));
    this.events.on(CompanyCreatedV1, apply);
    this.events.on(CompanyUpdatedV1, apply);
  }
}
