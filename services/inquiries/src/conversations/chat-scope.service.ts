import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChatViewer } from '@warden/contracts';
import { ReadModelRepository } from '../read-models/read-model.repository';
import type { ViewerScope, VisibilityTarget } from './visibility.policy';

/**
 * Turns a caller (with the rights the gateway decided) into the scope the visibility rule needs,
 * and computes who may see an item — the audience realtime delivery is limited to — with the same rule
 * applied to everyone, from the read models.
 */
@Injectable()
export class ChatScopeService {
  constructor(private readonly readModels: ReadModelRepository) {}

  async scopeOf(manager: EntityManager, tenantId: string, viewer: ChatViewer): Promise<ViewerScope> {
    if (viewer.kind === 'contact') {
      // A portal login's person id is its directory contact id; the portal mapping covers older logins.
      const contactId =
        (await this.readModels.contactOfPortalPerson(manager, tenantId, viewer.personId)) ??
        ((await this.readModels.contact(manager, tenantId, viewer.personId)) ? viewer.personId : null);
      return { personId: viewer.personId, kind: 'contact', contactId, admin: false, allBranches: false, branchIds: [] };
    }
    const rows: Array<{ all_branches: boolean; branch_ids: string[] }> = await manager.query(
      `SELECT all_branches, CASE WHEN main_branch_id IS NULL THEN additional_branch_ids ELSE main_branch_id || additional_branch_ids END AS branch_ids
       FROM employees WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, viewer.personId],
    );
    const row = rows[0];
    return {
      personId: viewer.personId,
      kind: 'employee',
      contactId: null,
      admin: viewer.admin,
      allBranches: viewer.allBranchesRight || (row?.all_branches ?? false),
      branchIds: row?.branch_ids ?? [],
    };
  }

  /** Person ids who see the target: employee participants, clients' portal logins, the assignee, chat administrators of its branch. */
  async audience(manager: EntityManager, tenantId: string, target: VisibilityTarget, extra: readonly (string | null)[] = []): Promise<string[]> {
    const people = new Set<string>();
    const contactIds: string[] = [];
    for (const participant of target.participants) {
      if (participant.kind === 'employee') people.add(participant.id);
      else contactIds.push(participant.id);
    }
    if (contactIds.length > 0) {
      const logins: Array<{ portal_person_id: string }> = await manager.query(
        `SELECT portal_person_id FROM contacts WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[]) AND portal_person_id IS NOT NULL`,
        [tenantId, contactIds],
      );
      for (const login of logins) people.add(login.portal_person_id);
    }
    if (target.kind === 'inquiry' && target.assigneeId) people.add(target.assigneeId);
    for (const id of extra) if (id) people.add(id);
    if (target.kind !== 'internal') {
      const admins: Array<{ person_id: string }> = await manager.query(
        `SELECT e.person_id FROM right_holders h JOIN employees e ON e.tenant_id = h.tenant_id AND e.person_id = h.person_id
         WHERE h.tenant_id = $1 AND h."right" = 'inquiries.admin' AND e.deleted_at IS NULL
           AND ($2::uuid IS NULL OR e.all_branches OR e.main_branch_id = $2 OR $2 = ANY(e.additional_branch_ids)
                OR EXISTS (SELECT 1 FROM right_holders b WHERE b.tenant_id = h.tenant_id AND b."right" = 'branches.all' AND b.person_id = h.person_id))`,
        [tenantId, target.branchId],
      );
      for (const admin of admins) people.add(admin.person_id);
    }
    return [...people].sort();
  }
}

/** An audience with more people in it (sorted, each once), without asking the read models again. */
export function widenAudience(audience: readonly string[], extra: readonly (string | null)[]): string[] {
  const people = new Set(audience);
  for (const id of extra) if (id) people.add(id);
  return [...people].sort();
}
