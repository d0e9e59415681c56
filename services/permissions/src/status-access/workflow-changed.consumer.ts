import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@warden/messaging';
import { WorkflowChangedV1 } from '@warden/contracts';
import { FactsCache } from '../policy/facts.cache';
import { PolicyVersions } from '../policy/policy-versions';
import { StatusAccessRepository } from './status-access.repository';

/**
 * Keeps the status read model in step with the workflow service — order and task workflows alike
 * (one model of per-status levels; the screens list both, kind by kind). A status appearing, going
 * away or changing category changes decisions (defaults depend on the category), so the policy
 * version goes up for the whole tenant in the same transaction.
 */
@Injectable()
export class WorkflowChangedConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly repository: StatusAccessRepository,
    private readonly policy: PolicyVersions,
    private readonly cache: FactsCache,
  ) {}

  onModuleInit(): void {
    this.events.on(WorkflowChangedV1, async (event, manager) => {
      const changed = await this.repository.applyWorkflowSnapshot(manager, event.tenantid, event.data);
      if (changed) await this.policy.bump(manager, event.tenantid, null, 'workflow.statuses');
      // Names and order changed no decision, yet reasons quote the names: this replica's cached statuses go too.
      else this.cache.dropOnCommit(manager, event.tenantid, null);
    });
  }
}
