import type {
  GroupStatusAccessView,
  GroupStatusLevelView,
  PersonStatusAccessView,
  PersonStatusLevelView,
  StatusAccessWorkflow,
} from '@warden/contracts';
import { StatusAccessErrors } from './status-access.errors';
import type { StatusAccessRepository, StatusRecord } from './status-access.repository';
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

/** The order statuses the person may view, for the order lists' filter (and the version it was decided under). */
export async function visibleStatuses(
  repository: StatusAccessRepository,
  tenantId: string,
  personId: string,
): Promise<{ statusIds: string[]; policyVersion: number }> {
  const [statuses, facts] = await Promise.all([repository.statuses(tenantId, null), repository.personFacts(tenantId, personId, null)]);
  return { statusIds: visibleStatusIds(statuses, facts), policyVersion: facts.policyVersion };
}

/** The employee card's "Statuses" screen: every status of order and task workflows with the level in force and why. */
export async function personStatusAccess(
  repository: StatusAccessRepository,
  tenantId: string,
  personId: string,
): Promise<PersonStatusAccessView> {
  const [statuses, facts] = await Promise.all([
    repository.statusesOfKind(tenantId, null, null),
    repository.personFacts(tenantId, personId, null),
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

/** The group counterpart: the group's level on every status, and whether it set it or the default of its kind applies. */
export async function groupStatusAccess(
  repository: StatusAccessRepository,
  tenantId: string,
  groupId: string,
): Promise<GroupStatusAccessView> {
  const group = await repository.group(tenantId, groupId);
  if (!group) throw StatusAccessErrors.groupNotFound();
  const statuses = await repository.statusesOfKind(tenantId, null, null);
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
