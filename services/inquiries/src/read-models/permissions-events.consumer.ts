import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { BusClient, EventSubscriber } from '@warden/messaging';
import { PolicyChangedV1 } from '@warden/contracts';
import { InquiryRouter } from '../routing/inquiry.router';
import { MIRRORED_RIGHTS, ReadModelRepository } from './read-model.repository';

/**
 * Who holds the rights routing and realtime audiences need. On every policy change the permissions
 * service is asked once, in a batch (`permissions.rights.holders`), for the people the change
 * affected (or the whole tenant), so routing never asks per candidate. The answer is the current
 * truth; an answer older than one applied already is ignored. A granted right may let the queue drain.
 */
@Injectable()
export class PermissionsEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly bus: BusClient,
    private readonly readModels: ReadModelRepository,
    private readonly routing: InquiryRouter,
  ) {}

  onModuleInit(): void {
    this.events.on(PolicyChangedV1, async (event, manager) => {
      const tenantId = event.tenantid;
      const personIds = event.data.affectedPersonIds ?? null;
      const answer = await this.bus.request(
        'permissions.rights.holders',
        { tenantId, actorId: null, requestId: event.id },
        { rights: [...MIRRORED_RIGHTS], personIds },
      );
      const applied = await this.readModels.replaceRightHolders(manager, tenantId, personIds, answer.holders, answer.policyVersion);
      if (applied) await this.routing.drain(manager, tenantId);
    });
  }
}
