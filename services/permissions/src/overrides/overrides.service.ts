import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@warden/kernel';
import type { PersonRights, PolicyChange, RightOverride, SetOverrideData } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import { effectiveRights } from '../check/decision.policy';
import { PersonsRepository } from '../persons/persons.repository';
import { AuditRecorder } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';

export const personNotFound = (): DomainError => DomainError.notFound('PERSON.NOT_FOUND', 'The person');

/** Single rights granted or denied to one person, on top of its groups. */
@Injectable()
export class OverridesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly facts: CheckRepository,
    private readonly policy: PolicyVersions,
    private readonly audit: AuditRecorder,
  ) {}

  async of(tenantId: string, personId: string): Promise<PersonRights> {
    const manager = this.dataSource.manager;
    await this.requirePerson(manager, tenantId, personId);
    const facts = await this.facts.load(tenantId, personId, manager);
    return {
      personId,
      groups: facts.groups.map((group) => ({ id: group.id, name: group.name })),
      overrides: [...facts.overrides].sort((a, b) => a.right.localeCompare(b.right)) as RightOverride[],
      effectiveRights: effectiveRights(facts),
    };
  }

  async set(tenantId: string, input: SetOverrideData): Promise<{ overrides: RightOverride[]; policy: PolicyChange }> {
    return this.dataSource.transaction(async (manager) => {
      await this.requirePerson(manager, tenantId, input.personId);
      const previous: Array<{ effect: string }> = await manager.query(
        'SELECT effect FROM right_overrides WHERE tenant_id = $1 AND person_id = $2 AND "right" = $3',
        [tenantId, input.personId, input.right],
      );
      if (input.effect === null) {
        await manager.query('DELETE FROM right_overrides WHERE tenant_id = $1 AND person_id = $2 AND "right" = $3', [
          tenantId,
          input.personId,
          input.right,
        ]);
      } else {
        await manager.query(
          `INSERT INTO right_overrides (tenant_id, person_id, "right", effect) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, person_id, "right") DO UPDATE SET effect = EXCLUDED.effect`,
          [tenantId, input.personId, input.right, input.effect],
        );
      }
      const rights = (effect: string | null) => ({ rights: { [input.right]: effect } }); // null: the groups decide
      const change = { action: 'person.rights.updated', resource: { type: 'person', id: input.personId } };
      await this.audit.record(manager, tenantId, { ...change, before: rights(previous[0]?.effect ?? null), after: rights(input.effect) });
      const policy = await this.policy.bump(manager, tenantId, [input.personId], 'person.override');
      const overrides: RightOverride[] = await manager.query(
        'SELECT "right", effect FROM right_overrides WHERE tenant_id = $1 AND person_id = $2 ORDER BY "right"',
        [tenantId, input.personId],
      );
      return { overrides, policy };
    });
  }

  private async requirePerson(manager: EntityManager, tenantId: string, personId: string): Promise<void> {
    if (!(await this.persons.exists(manager, tenantId, personId))) throw personNotFound();
  }
}
