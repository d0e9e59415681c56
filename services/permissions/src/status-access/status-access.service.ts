import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  GroupStatusAccessView,
  GroupStatusLevelView,
  PersonStatusAccessView,
  PersonStatusLevelView,
  PolicyChange,
  StatusAccessWorkflow,
  StatusLevelInput,
} from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import type { AuditValues } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';
import { groupStatusAccessValues, personStatusAccessValues } from './status-access.audit';
import { StatusAccessErrors } from './status-access.errors';
import { StatusAccessRepository } from './status-access.repository';
import type { StatusRecord } from './status-access.repository';
import { effectiveLevel, groupLevel, mayChangeClosed, visibleStatusIds } from './status-levels.policy';

function byWorkflow<T>(statuses: StatusRecord[], view: (status: StatusRecord) => T): StatusAccessWorkflow<T>[] {
  const workflows = new Map<string, StatusAccessWorkflow<T>>();
  for (const status of statuses) {
    let workflow = workflows.get(status.workflowId);
    if (!workflow) {
      workflow = { workflowId: status.workflowId, name: status.workflowName, kind: status.kind, statuses: [] };
      workflows.set(status.workflowId, workflow);
    }
    workflow.statuses.push(view(status));
  }
  return [...workflows.values()];
}

/** The employee card's "Statuses" screen and its group counterpart; every change bumps the policy. */
@Injectable()
export class StatusAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatusAccessRepository,
    private readonly policy: PolicyVersions,
    private readonly audit: AuditRecorder,
  ) {}

  async visibleStatuses(tenantId: string, personId: string): Promise<{ statusIds: string[]; policyVersion: number }> {
    const [statuses, facts] = await Promise.all([
      this.repository.statuses(tenantId, null),
      this.repository.personFacts(tenantId, personId, null),
    ]);
    return { statusIds: visibleStatusIds(statuses, facts), policyVersion: facts.policyVersion };
  }

  async person(tenantId: string, personId: string): Promise<PersonStatusAccessView> {
    const [statuses, facts] = await Promise.all([
      this.repository.statusesOfKind(tenantId, null, null),
      this.repository.personFacts(tenantId, personId, null),
    ]);
    const flag = mayChangeClosed(facts);
    return {
      personId,
      mayChangeClosed: flag.allowed,
      mayChangeClosedExplicit: flag.explicit,
      workflows: byWorkflow<PersonStatusLevelView>(statuses, (status) => {
        const effective = effectiveLevel(status, facts);
        return {
          statusId: status.statusId,
          name: status.name,
          category: status.category,
          archived: status.archived,
          level: effective.level,
          override: effective.override,
          groupLevel: effective.groupLevel,
          source: effective.source,
        };
      }),
    };
  }

  async group(tenantId: string, groupId: string): Promise<GroupStatusAccessView> {
    const group = await this.repository.group(tenantId, groupId);
    if (!group) throw StatusAccessErrors.groupNotFound();
    const statuses = await this.repository.statusesOfKind(tenantId, null, null);
    return {
      groupId,
      workflows: byWorkflow<GroupStatusLevelView>(statuses, (status) => {
        const level = groupLevel(group, status);
        return {
          statusId: status.statusId,
          name: status.name,
          category: status.category,
          archived: status.archived,
          level: level.level,
          explicit: level.explicit,
        };
      }),
    };
  }

  async putPerson(
    tenantId: string,
    personId: string,
    levels: StatusLevelInput[],
    flag: boolean | null | undefined,
  ): Promise<{ access: PersonStatusAccessView; policy: PolicyChange }> {
    await this.checkLevels(tenantId, levels);
    const policy = await this.dataSource.transaction(async (tx) => {
      const audited = (): Promise<AuditValues> =>
        personStatusAccessValues(
          this.repository,
          tx,
          tenantId,
          personId,
          levels.map((input) => input.statusId),
        );
      const before = await audited();
      for (const input of levels) await this.repository.setPersonLevel(tx, tenantId, personId, input.statusId, input.level);
      if (flag !== undefined) await this.repository.setFlag(tx, tenantId, personId, flag);
      await this.audit.record(tx, tenantId, {
        action: 'status-access.person.updated',
        resource: { type: 'person', id: personId },
        before,
        after: await audited(),
      });
      return this.policy.bump(tx, tenantId, [personId], 'status-access.person');
    });
    return { access: await this.person(tenantId, personId), policy };
  }

  async putGroup(
    tenantId: string,
    groupId: string,
    levels: StatusLevelInput[],
  ): Promise<{ access: GroupStatusAccessView; policy: PolicyChange }> {
    if (!(await this.repository.group(tenantId, groupId))) throw StatusAccessErrors.groupNotFound();
    await this.checkLevels(tenantId, levels);
    const policy = await this.dataSource.transaction(async (tx) => {
      const audited = (): Promise<AuditValues> =>
        groupStatusAccessValues(
          this.repository,
          tx,
          tenantId,
          groupId,
          levels.map((input) => input.statusId),
        );
      const before = await audited();
      for (const input of levels) await this.repository.setGroupLevel(tx, tenantId, groupId, input.statusId, input.level);
      await this.audit.record(tx, tenantId, {
        action: 'status-access.group.updated',
        resource: { type: 'group', id: groupId },
        before,
        after: await audited(),
      });
      return this.policy.bump(tx, tenantId, await this.repository.groupMemberIds(tx, tenantId, groupId), 'status-access.group');
    });
    return { access: await this.group(tenantId, groupId), policy };
  }

  /**
   * Every level names a status (of an order or a task workflow) of this tenant, once (also for a preview of the
   * change); the ids and levels themselves were checked at the RPC boundary.
   */
  async checkLevels(tenantId: string, levels: StatusLevelInput[]): Promise<void> {
    const seen = new Set<string>();
    levels.forEach((input, index) => {
      if (seen.has(input.statusId)) throw StatusAccessErrors.duplicateStatus(index);
      seen.add(input.statusId);
    });
    const statusIds = levels.map((input) => input.statusId);
    const known = new Set((await this.repository.statusesOfKind(tenantId, statusIds, null)).map((status) => status.statusId));
    levels.forEach((input, index) => {
      if (!known.has(input.statusId)) throw StatusAccessErrors.unknownStatus(index);
    });
  }
}
