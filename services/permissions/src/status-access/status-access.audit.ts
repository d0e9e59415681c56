import type { EntityManager } from 'typeorm';
import type { AuditValues } from '@warden/messaging';
import type { StatusAccessRepository } from './status-access.repository';
import { effectiveLevel, groupLevel, mayChangeClosed } from './status-levels.policy';

/**
 * What the audit log shows of a person's status access (libs/messaging/src/audit.recorder.ts keeps the fields that
 * changed): the levels in force on the statuses the change names, the person's own levels there (null: the groups
 * decide) and the closed-order flag in force, read in the change's transaction.
 */
export async function personStatusAccessValues(
  repository: StatusAccessRepository,
  manager: EntityManager,
  tenantId: string,
  personId: string,
  statusIds: string[],
): Promise<AuditValues> {
  const [statuses, facts] = await Promise.all([
    repository.statusesOfKind(tenantId, statusIds, null, manager),
    repository.personFacts(tenantId, personId, statusIds, manager),
  ]);
  const levels: Record<string, string> = {};
  const ownLevels: Record<string, string | null> = {};
  for (const status of statuses) {
    const effective = effectiveLevel(status, facts);
    levels[status.statusId] = effective.level;
    ownLevels[status.statusId] = effective.override;
  }
  return { levels, ownLevels, mayChangeClosed: mayChangeClosed(facts).allowed };
}

/** A group's levels on the statuses a change names (defaults of its kind where it sets none). */
export async function groupStatusAccessValues(
  repository: StatusAccessRepository,
  manager: EntityManager,
  tenantId: string,
  groupId: string,
  statusIds: string[],
): Promise<AuditValues> {
  const [statuses, group] = await Promise.all([
    repository.statusesOfKind(tenantId, statusIds, null, manager),
    repository.group(tenantId, groupId, manager),
  ]);
  const levels: Record<string, string> = {};
  for (const status of statuses) if (group) levels[status.statusId] = groupLevel(group, status).level;
  return { levels };
}
