import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChatAccessFacts, ChatCaller, ChatEmployeeFacts, ConversationKind, ParticipantView } from '@warden/contracts';
import { ReadModelRepository } from '../read-models/read-model.repository';

/** An item as the audience query needs it. */
export interface AudienceTarget {
  kind: ConversationKind;
  branchId: string | null;
  participants: readonly ParticipantView[];
  assigneeId: string | null;
}

/**
 * The chat facts of people, from the read models: the contact a portal login writes as, an
 * employee's branches, and who may see an item — the audience realtime delivery is limited to.
 * Who may see or change what is decided by the permissions service's `conversation` and `inquiry`
 * rules (services/permissions/src/chat-access/), which read these facts through
 * `inquiries.conversations.access-facts`.
 */
@Injectable()
export class ChatScopeReader {
  constructor(private readonly readModels: ReadModelRepository) {}

  /** The directory contact a `contact` person signs in as (null for employees, or when unknown). */
  async contactOf(manager: EntityManager, tenantId: string, caller: ChatCaller): Promise<string | null> {
    if (caller.kind !== 'contact') return null;
    // A portal login's person id is its directory contact id; the portal mapping covers older logins.
    return (
      (await this.readModels.contactOfPortalPerson(manager, tenantId, caller.personId)) ??
      ((await this.readModels.contact(manager, tenantId, caller.personId)) ? caller.personId : null)
    );
  }

  /** The person as the access rules need it: its contact, or its branches and directory's all-branches flag. */
  async personFacts(manager: EntityManager, tenantId: string, caller: ChatCaller): Promise<ChatAccessFacts['person']> {
    if (caller.kind === 'contact') return { contactId: await this.contactOf(manager, tenantId, caller), allBranches: false, branchIds: [] };
    const rows: Array<{ all_branches: boolean; branch_ids: string[] }> = await manager.query(
      `SELECT all_branches, CASE WHEN main_branch_id IS NULL THEN additional_branch_ids ELSE main_branch_id || additional_branch_ids END AS branch_ids
       FROM employees WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, caller.personId],
    );
    return { contactId: null, allBranches: rows[0]?.all_branches ?? false, branchIds: rows[0]?.branch_ids ?? [] };
  }

  /** An employee of the tenant (named, not deleted) with its branch access, or null. */
  async employee(manager: EntityManager, tenantId: string, personId: string): Promise<ChatEmployeeFacts | null> {
    const rows: Array<{ person_id: string; full_name: string; all_branches: boolean; branch_ids: string[] }> = await manager.query(
      `SELECT e.person_id, e.full_name,
              e.all_branches OR EXISTS (SELECT 1 FROM right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'branches.all' AND h.person_id = e.person_id) AS all_branches,
              CASE WHEN e.main_branch_id IS NULL THEN e.additional_branch_ids ELSE e.main_branch_id || e.additional_branch_ids END AS branch_ids
       FROM employees e WHERE e.tenant_id = $1 AND e.person_id = $2 AND e.full_name IS NOT NULL AND e.deleted_at IS NULL`,
      [tenantId, personId],
    );
    const row = rows[0];
    return row ? { personId: row.person_id, name: row.full_name, allBranches: row.all_branches, branchIds: row.branch_ids } : null;
  }

  /** Person ids who see the target: employee participants, clients' portal logins, the assignee, chat administrators of its branch. */
  async audience(
    manager: EntityManager,
    tenantId: string,
    target: AudienceTarget,
    extra: readonly (string | null)[] = [],
  ): Promise<string[]> {
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
